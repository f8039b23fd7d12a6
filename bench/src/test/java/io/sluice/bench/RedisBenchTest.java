package io.sluice.bench;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisBenchTest {

    @Test
    void defaultsRunBothPartsOnAMillionEntriesAtBothSettings() {
        RedisBenchOptions o = RedisBenchOptions.parse();
        assertThat(o.rows()).isEqualTo(1_000_000L);
        assertThat(o.modules()).containsExactly("source-redis", "sink-cache");
        assertThat(o.settings()).containsExactly(ProducerSettings.DEFAULT, ProducerSettings.TUNED);
        assertThat(o.redis().toString()).isEqualTo("redis://127.0.0.1:6379");
    }

    @Test
    void optionsOverrideTheDefaultsAndBadOnesAreNamed() {
        RedisBenchOptions o = RedisBenchOptions.parse("--rows", "1_000", "--parts", "sink", "--sink", "a=b");
        assertThat(o.rows()).isEqualTo(1000);
        assertThat(o.modules()).containsExactly("sink-cache");
        assertThat(o.sinkProps()).containsEntry("a", "b");
        assertThatThrownBy(() -> RedisBenchOptions.parse("--parts", "both")).hasMessageContaining("'both'");
        assertThatThrownBy(() -> RedisBenchOptions.parse("--rows", "0")).hasMessageContaining("--rows");
    }

    @Test
    void eachCaseIsSetAgainstTheBaselineMeasuredBeforeIt() {
        RedisBench bench = new RedisBench(RedisBenchOptions.parse(), new PrintStream(OutputStream.nullOutputStream()));
        bench.add(new BenchRow("source", "xread", "x", 1000, 1.0, null, null));
        bench.add(new BenchRow("source", "sluice-redis-source", "d", 1000, 4.0, "xread", null));
        bench.add(new BenchRow("source", "xread", "x", 1000, 2.0, null, null));
        bench.add(new BenchRow("source", "sluice-redis-source", "t", 1000, 4.0, "xread", null));
        bench.add(new BenchRow("sink", "sluice-redis-sink", "s", 10, 1.0, "pipelined-set", "timed out"));
        List<String> lines = bench.table().lines().toList();
        assertThat(lines.get(3)).endsWith("| 250 | 0.25x vs xread |");
        assertThat(lines.get(5)).endsWith("| 250 | 0.50x vs xread |");
        assertThat(lines.get(6)).contains("failed: timed out").endsWith("| - |");
    }
}

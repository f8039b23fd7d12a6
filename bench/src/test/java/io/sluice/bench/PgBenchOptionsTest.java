package io.sluice.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgBenchOptionsTest {

    @Test
    void theJdbcBenchRunsEveryCaseInBothModesByDefault() {
        JdbcBenchOptions o = JdbcBenchOptions.parse();
        assertThat(o.rows()).isEqualTo(1_000_000L);
        assertThat(o.modes()).containsExactly("insert", "upsert");
        assertThat(o.cases()).containsExactly("copy", "sluice", "debezium", "connect-ceiling");
        assertThatThrownBy(() -> JdbcBenchOptions.parse("--modes", "merge")).hasMessageContaining("'merge'");
    }

    @Test
    void thePostgresBenchTakesDebeziumsConnectionFromTheUrl() {
        PostgresBenchOptions o = PostgresBenchOptions.parse("--url", "jdbc:postgresql://db.local:5433/shop",
            "--cases", "debezium", "--settings", "tuned");
        assertThat(o.host()).isEqualTo("db.local");
        assertThat(o.port()).isEqualTo(5433);
        assertThat(o.database()).isEqualTo("shop");
        assertThat(o.cases()).containsExactly("debezium");
        assertThat(o.settings()).containsExactly(ProducerSettings.TUNED);
        assertThat(PostgresBenchOptions.parse().port()).isEqualTo(5432);
        assertThatThrownBy(() -> PostgresBenchOptions.parse("--url", "jdbc:mysql://x/y"))
            .hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void thePostgresBenchRunsOneRoundUnlessToldMore() {
        assertThat(PostgresBenchOptions.parse().repeat()).isEqualTo(1);
        assertThat(PostgresBenchOptions.parse("--repeat", "2").repeat()).isEqualTo(2);
        assertThatThrownBy(() -> PostgresBenchOptions.parse("--repeat", "0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyBenchmarkWritesTheSameTenColumns() {
        assertThat(PgBenchData.csvLine(10)).isEqualTo(
            "10,c-79190,10.10,EUR,new,2024-02-10T10:20:00Z,JP,store,2,\"gift, wrapped\"\n");
        assertThat(SinkTopic.struct(10).getInt64("id")).isEqualTo(10L);
        assertThat(SinkTopic.SCHEMA.fields()).hasSize(10);
        assertThat(RedisBenchData.json(1)).startsWith("{\"id\":\"1\",\"customer\":\"c-7919\"");
    }
}

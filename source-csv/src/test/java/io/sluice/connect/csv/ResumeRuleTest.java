package io.sluice.connect.csv;

import io.sluice.connect.common.format.ReadPosition;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.sluice.connect.csv.ResumeRule.Action.FINISH;
import static io.sluice.connect.csv.ResumeRule.Action.READ;
import static io.sluice.connect.csv.ResumeRule.Action.SKIP;
import static org.assertj.core.api.Assertions.assertThat;

class ResumeRuleTest {

    private static FileSplit file(long size, long mtime) {
        return new FileSplit(Path.of("/in/a.csv"), "(dev=1,ino=2)", Path.of("/in"), size, mtime);
    }

    private static FileOffset middle(long position) {
        return new FileOffset(position, 10, 12, false, -1, -1);
    }

    private static FileOffset end(long size, long mtime) {
        return new FileOffset(size, 20, 22, true, size, mtime);
    }

    @Test
    void aFileWithoutOffsetIsReadFromTheStart() {
        ResumeRule.Decision decision = ResumeRule.decide(file(100, 5), null, AfterRead.LEAVE, false);
        assertThat(decision.action()).isEqualTo(READ);
        assertThat(decision.from()).isEqualTo(ReadPosition.START);
        assertThat(decision.warning()).isNull();
    }

    @Test
    void aFileInTheMiddleResumesAtItsOffsetUnlessItShrankBelowIt() {
        assertThat(ResumeRule.decide(file(100, 5), middle(60), AfterRead.LEAVE, false).from())
                .isEqualTo(new ReadPosition(60, 10, 12));
        ResumeRule.Decision truncated = ResumeRule.decide(file(50, 5), middle(60), AfterRead.LEAVE, false);
        assertThat(truncated.action()).isEqualTo(READ);
        assertThat(truncated.from()).isEqualTo(ReadPosition.START);
        assertThat(truncated.warning()).contains("is now 50 bytes, less than the 60 bytes already read");
        assertThat(ResumeRule.decide(file(50, 5), middle(60), AfterRead.LEAVE, true).from())
                .as("gzip positions count uncompressed bytes").isEqualTo(new ReadPosition(60, 10, 12));
    }

    @Test
    void inLeaveModeAFinishedFileIsDoneEvenIfItGrewButReadAgainIfItShrank() {
        assertThat(ResumeRule.decide(file(100, 5), end(100, 5), AfterRead.LEAVE, false).action()).isEqualTo(SKIP);
        assertThat(ResumeRule.decide(file(150, 9), end(100, 5), AfterRead.LEAVE, false).action()).isEqualTo(SKIP);
        ResumeRule.Decision shrunk = ResumeRule.decide(file(40, 9), end(100, 5), AfterRead.LEAVE, false);
        assertThat(shrunk.action()).isEqualTo(READ);
        assertThat(shrunk.from()).isEqualTo(ReadPosition.START);
        assertThat(shrunk.warning()).contains("truncated or rewritten");
    }

    @Test
    void inDeleteOrMoveModeTheSameFileIsFinishedAndAnyOtherIsNew() {
        assertThat(ResumeRule.decide(file(100, 5), end(100, 5), AfterRead.DELETE, false).action()).isEqualTo(FINISH);
        assertThat(ResumeRule.decide(file(100, 5), new FileOffset(100, 1, 2, true, -1, -1), AfterRead.MOVE, false)
                .action()).as("an end offset set by hand").isEqualTo(FINISH);
        ResumeRule.Decision reused = ResumeRule.decide(file(100, 6), end(100, 5), AfterRead.MOVE, false);
        assertThat(reused.action()).isEqualTo(READ);
        assertThat(reused.from()).isEqualTo(ReadPosition.START);
        assertThat(reused.warning()).contains("reading it as a new file");
        assertThat(ResumeRule.decide(file(101, 5), end(100, 5), AfterRead.DELETE, false).action()).isEqualTo(READ);
    }
}

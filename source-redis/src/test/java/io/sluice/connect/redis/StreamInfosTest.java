package io.sluice.connect.redis;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;

import static org.assertj.core.api.Assertions.assertThat;

class StreamInfosTest {

    private static final StreamEntryID OFFSET = new StreamEntryID(100, 0);

    @Test
    void aCommittedOffsetInsideTheStreamFits() {
        assertThat(StreamInfos.resumeProblem("s", OFFSET, new StreamEntryID(50, 0), new StreamEntryID(200, 0), null))
                .isNull();
        assertThat(StreamInfos.resumeProblem("s", OFFSET, null, OFFSET, null)).as("everything read, then trimmed")
                .isNull();
        assertThat(StreamInfos.resumeProblem("s", OFFSET, new StreamEntryID(150, 0), new StreamEntryID(200, 0),
                OFFSET)).as("trimmed up to the offset itself: nothing unread lost").isNull();
    }

    @Test
    void entriesTrimmedAfterTheOffsetAreReportedWithTheStreamOffsetAndNextStep() {
        String problem = StreamInfos.resumeProblem("orders", OFFSET, new StreamEntryID(150, 0),
                new StreamEntryID(200, 0), new StreamEntryID(149, 0));
        assertThat(problem).contains("'orders'").contains("100-0").contains("150-0").contains("trimmed")
                .contains("Keep the stream longer");
        assertThat(StreamInfos.resumeProblem("orders", OFFSET, new StreamEntryID(150, 0), new StreamEntryID(200, 0),
                null)).as("Redis before 7 reports no deleted id").contains("trimmed");
    }

    @Test
    void aStreamCreatedAgainWithLowerIdsIsReportedWithTheReset() {
        String problem = StreamInfos.resumeProblem("orders", OFFSET, new StreamEntryID(1, 0), new StreamEntryID(5, 0),
                null);
        assertThat(problem).contains("'orders'").contains("created again").contains("100-0")
                .contains("reset the offset");
    }
}

package io.sluice.connect.postgres;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotWatermarkTest {

    private static SnapshotWatermark.Position at(String cursor, String key) {
        return new SnapshotWatermark.Position(List.of(cursor), List.of(key));
    }

    @Test
    void positionSeenWithNoTransactionInProgressIsSafeAtTheNextQuietObservation() {
        SnapshotWatermark watermark = new SnapshotWatermark();
        watermark.observe(500, null, at("10", "10"), 0);
        assertThat(watermark.safe()).as("a transaction may have taken a value below 10 without an id yet").isNull();
        watermark.observe(500, null, at("10", "10"), 1000);
        assertThat(watermark.safe()).isEqualTo(at("10", "10"));
    }

    @Test
    void positionWaitsUntilEveryTransactionInProgressThenOrAtTheNextObservationHasEnded() {
        SnapshotWatermark watermark = new SnapshotWatermark();
        watermark.observe(100, null, at("5", "5"), 0);
        // transactions up to 120 were running when 10 was the newest position
        watermark.observe(100, 120L, at("10", "10"), 1000);
        assertThat(watermark.safe()).as("5: only transactions below 100 and up to 120 were in progress, and 100 "
                + "is still running").isNull();
        assertThat(watermark.waitingMs(4000)).isEqualTo(4000);

        watermark.observe(121, 130L, at("20", "20"), 5000);
        assertThat(watermark.safe()).as("5 is safe; 10 waits for 130, seen at the next observation")
                .isEqualTo(at("5", "5"));

        watermark.observe(131, 140L, at("30", "30"), 6000);
        assertThat(watermark.safe()).as("everything up to 130 ended").isEqualTo(at("10", "10"));

        watermark.observe(141, null, at("40", "40"), 7000);
        assertThat(watermark.safe()).as("20 and 30 are safe now; 40 waits for the next observation")
                .isEqualTo(at("30", "30"));
    }

    @Test
    void emptySplitLeavesTheSafePositionAlone() {
        SnapshotWatermark watermark = new SnapshotWatermark();
        watermark.observe(100, null, null, 0);
        watermark.observe(100, null, null, 1);
        assertThat(watermark.safe()).isNull();
        assertThat(watermark.waitingMs(10)).isZero();
    }

    @Test
    void oldestObservationsAreDroppedBeyondTheLimitWhichOnlyDelaysReading() {
        SnapshotWatermark watermark = new SnapshotWatermark();
        for (int i = 1; i <= SnapshotWatermark.MAX_PENDING + 5; i++) {
            watermark.observe(1, 1000L + i, at(Integer.toString(i), "k"), i);
        }
        assertThat(watermark.safe()).isNull();
        watermark.observe(2004, 5000L, at("x", "x"), 9999);
        // the first five were dropped; of the rest, 6 .. 1002 saw (with their next observation) only transactions
        // below 2004
        assertThat(watermark.safe()).isEqualTo(at("1002", "k"));
    }
}

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
        SnapshotWatermark watermark = new SnapshotWatermark(1000);
        watermark.observe(500, null, at("10", "10"), 0);
        assertThat(watermark.safe()).as("a transaction may have taken a value below 10 without an id yet").isNull();
        watermark.observe(500, null, at("10", "10"), 1000);
        assertThat(watermark.safe()).isEqualTo(at("10", "10"));
    }

    @Test
    void positionWaitsUntilEveryTransactionInProgressThenOrAtTheNextObservationHasEnded() {
        SnapshotWatermark watermark = new SnapshotWatermark(1000);
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
        SnapshotWatermark watermark = new SnapshotWatermark(1000);
        watermark.observe(100, null, null, 0);
        watermark.observe(100, null, null, 1);
        assertThat(watermark.safe()).isNull();
        assertThat(watermark.waitingMs(10)).isZero();
    }

    @Test
    void oldestObservationsAreDroppedBeyondTheLimitWhichOnlyDelaysReading() {
        SnapshotWatermark watermark = new SnapshotWatermark(0);
        for (int i = 1; i <= SnapshotWatermark.MAX_PENDING + 5; i++) {
            watermark.observe(1, 1000L + i, at(Integer.toString(i), "k"), i);
        }
        assertThat(watermark.safe()).isNull();
        watermark.observe(2004, 5000L, at("x", "x"), 9999);
        // the first five were dropped; of the rest, 6 .. 1002 saw (with their next observation) only transactions
        // below 2004
        assertThat(watermark.safe()).isEqualTo(at("1002", "k"));
    }

    @Test
    void aSecondObservationSoonerThanTheSettleTimeDoesNotConfirmTheFirst() {
        SnapshotWatermark watermark = new SnapshotWatermark(1000);
        watermark.observe(500, null, at("10", "10"), 0);
        // milliseconds later nothing is in progress yet: a transaction that took a value below 10 before the first
        // observation may still be about to write
        watermark.observe(500, null, at("10", "10"), 5);
        assertThat(watermark.safe()).as("confirmed only by an observation at least 1000 ms later").isNull();
        // it wrote at 600 ms and got transaction id 520, still open at the confirming observation
        watermark.observe(500, 520L, at("10", "10"), 1000);
        assertThat(watermark.safe()).as("10 waits for transaction 520").isNull();
        watermark.observe(521, null, at("10", "10"), 2000);
        assertThat(watermark.safe()).isEqualTo(at("10", "10"));
    }

    @Test
    void transactionSeenInProgressBetweenTheObservationsIsWaitedFor() {
        SnapshotWatermark watermark = new SnapshotWatermark(1000);
        watermark.observe(500, null, at("10", "10"), 0);
        watermark.observe(500, 530L, at("12", "12"), 400);
        // by the confirming observation 530 has ended but 525 (seen at 400 ms as well) still runs: xmin is 525
        watermark.observe(525, null, at("12", "12"), 1000);
        assertThat(watermark.safe()).as("a transaction in progress at 400 ms may commit below 10").isNull();
        watermark.observe(531, null, at("12", "12"), 2000);
        assertThat(watermark.safe()).as("10, and 12 observed at 1000 ms with nothing in progress since")
                .isEqualTo(at("12", "12"));
    }

    @Test
    void nowCursorOfATransactionThatWritesWithinTheSettleTimeAfterBeginIsWaitedFor() {
        // an ORM transaction: BEGIN at 0 takes now() = 0, reads for 3 s without a transaction id, then writes its row
        // with updated_at = 0; polls run every second, the settle time is 5 s
        SnapshotWatermark watermark = new SnapshotWatermark(5000);
        watermark.observe(900, null, at("2026-01-01 00:00:00.5", "7"), 500);
        watermark.observe(900, null, at("2026-01-01 00:00:01.5", "8"), 1500);
        watermark.observe(900, null, at("2026-01-01 00:00:02.5", "9"), 2500);
        watermark.observe(900, 950L, at("2026-01-01 00:00:03.5", "10"), 3500);
        watermark.observe(900, 950L, at("2026-01-01 00:00:04.5", "11"), 4500);
        watermark.observe(900, 950L, at("2026-01-01 00:00:05.5", "12"), 5500);
        assertThat(watermark.safe()).as("the transaction that wrote at 3 s is still open").isNull();
        watermark.observe(951, null, at("2026-01-01 00:00:06.5", "13"), 6500);
        assertThat(watermark.safe()).as("its row at 0 s is visible by now, so 0.5 s is safe")
                .isEqualTo(at("2026-01-01 00:00:00.5", "7"));
    }
}

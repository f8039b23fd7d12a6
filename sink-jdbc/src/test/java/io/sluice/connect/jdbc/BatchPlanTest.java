package io.sluice.connect.jdbc;

import io.sluice.connect.jdbc.dialect.TableId;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchPlanTest {

    private static final TableId TABLE = new TableId(null, "t");
    private long offset;

    private SinkRow write(long key) {
        return row(key, false);
    }

    private SinkRow delete(long key) {
        return row(key, true);
    }

    private SinkRow row(Long key, boolean delete) {
        SinkRecord record = new SinkRecord("t", 0, null, key, null, delete ? null : "v", offset++);
        List<SinkRow.RowField> keys = key == null ? List.of()
                : List.of(new SinkRow.RowField("id", Schema.INT64_SCHEMA, key));
        return new SinkRow(record, TABLE, delete, keys, List.of(), false, key == null ? null : List.of(key));
    }

    @Test
    void theLatestRecordPerKeyWins() {
        SinkRow first = write(1);
        SinkRow second = write(1);
        SinkRow other = write(2);
        BatchPlan plan = BatchPlan.of(List.of(first, other, second), true);
        assertThat(plan.writes()).containsExactly(second, other);
        assertThat(plan.deletes()).isEmpty();
        assertThat(plan.superseded()).isEqualTo(1);
    }

    @Test
    void aDeleteBeforeALaterWriteOfTheSameKeyIsKeptForHardDeletes() {
        SinkRow written = write(1);
        SinkRow deleted = delete(1);
        SinkRow rewritten = write(1);
        SinkRow gone = delete(2);
        List<SinkRow> rows = List.of(written, deleted, rewritten, write(2), gone);
        BatchPlan hard = BatchPlan.of(rows, true);
        assertThat(hard.deletes()).containsExactly(deleted, gone);
        assertThat(hard.writes()).containsExactly(rewritten);
        assertThat(hard.superseded()).isEqualTo(2);

        assertThat(hard.deletesFirst()).isTrue();
    }

    @Test
    void aWriteBeforeALaterSoftDeleteOfTheSameKeyIsKeptSoThatTheRowExistsToBeMarked() {
        SinkRow written = write(1);
        SinkRow deleted = delete(1);
        SinkRow rewritten = write(1);
        SinkRow lastWriteOf2 = write(2);
        SinkRow gone = delete(2);
        BatchPlan soft = BatchPlan.of(List.of(written, deleted, rewritten, write(2), lastWriteOf2, gone), false);
        assertThat(soft.deletesFirst()).isFalse();
        assertThat(soft.deletes()).containsExactly(gone);
        assertThat(soft.writes()).containsExactly(rewritten, lastWriteOf2);
        assertThat(soft.superseded()).isEqualTo(3);
    }

    @Test
    void rowsWithoutAKeyAreAllWrittenInOrder() {
        List<SinkRow> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(row(null, false));
        }
        BatchPlan plan = BatchPlan.of(rows, false);
        assertThat(plan.writes()).containsExactlyElementsOf(rows);
        assertThat(plan.superseded()).isZero();
    }
}

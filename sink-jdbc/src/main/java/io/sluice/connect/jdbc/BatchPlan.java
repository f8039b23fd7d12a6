package io.sluice.connect.jdbc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a buffer's rows do to the table, once the latest record per key has won, so that the table ends exactly as
 * if every record had been applied in order. With hard deletes, the deletes run first: a key deleted and then
 * written again within the batch is deleted, then written. With soft deletes, the writes run first: a key written
 * and then deleted within the batch is written (its last write), then marked. Rows without a key are all written,
 * in order.
 *
 * @param deletes      the rows to delete or mark
 * @param writes       the rows to write
 * @param deletesFirst whether the deletes run before the writes
 * @param superseded   records whose effect a later record of the same key replaced; they count as written
 */
record BatchPlan(List<SinkRow> deletes, List<SinkRow> writes, boolean deletesFirst, int superseded) {

    /**
     * @param rows        buffered rows in arrival order
     * @param hardDeletes whether deletes remove rows (else they mark them, and the row must exist to be marked)
     * @return the plan
     */
    static BatchPlan of(List<SinkRow> rows, boolean hardDeletes) {
        Map<List<Object>, SinkRow> latest = new LinkedHashMap<>();
        Map<List<Object>, SinkRow> deletedEarlier = new LinkedHashMap<>();
        Map<List<Object>, SinkRow> writtenEarlier = new LinkedHashMap<>();
        List<SinkRow> unkeyed = new ArrayList<>();
        for (SinkRow row : rows) {
            if (row.dedupeKey() == null) {
                unkeyed.add(row);
                continue;
            }
            SinkRow previous = latest.put(row.dedupeKey(), row);
            if (previous != null && previous.delete()) {
                deletedEarlier.put(row.dedupeKey(), previous);
            } else if (previous != null) {
                writtenEarlier.put(row.dedupeKey(), previous);
            }
        }
        List<SinkRow> deletes = new ArrayList<>();
        List<SinkRow> writes = new ArrayList<>(unkeyed);
        Set<SinkRow> kept = new HashSet<>();
        latest.forEach((key, row) -> {
            if (row.delete()) {
                deletes.add(row);
                SinkRow earlierWrite = writtenEarlier.get(key);
                if (!hardDeletes && earlierWrite != null) {
                    writes.add(earlierWrite);
                    kept.add(earlierWrite);
                }
            } else {
                writes.add(row);
                SinkRow earlierDelete = deletedEarlier.get(key);
                if (hardDeletes && earlierDelete != null) {
                    deletes.add(earlierDelete);
                    kept.add(earlierDelete);
                }
            }
        });
        int superseded = rows.size() - unkeyed.size() - latest.size() - kept.size();
        return new BatchPlan(deletes, writes, hardDeletes, superseded);
    }
}

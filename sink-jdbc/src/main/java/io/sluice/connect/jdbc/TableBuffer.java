package io.sluice.connect.jdbc;

import io.sluice.connect.jdbc.dialect.TableId;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The rows waiting to be written to one table, in arrival order. Writes in one buffer share their columns; a record
 * with other columns (an evolved schema, a different set of schemaless fields) has the buffer written first.
 */
final class TableBuffer {

    private final TableId table;
    private final List<SinkRow> rows = new ArrayList<>();
    private List<String> columns;

    TableBuffer(TableId table) {
        this.table = table;
    }

    TableId table() {
        return table;
    }

    /** @return whether {@code row} can join the buffered rows */
    boolean accepts(SinkRow row) {
        return row.delete() || columns == null || columns.equals(row.columnNames());
    }

    void add(SinkRow row) {
        if (!row.delete() && columns == null) {
            columns = row.columnNames();
        }
        rows.add(row);
    }

    int size() {
        return rows.size();
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** @return the buffered rows, in arrival order */
    List<SinkRow> rows() {
        return rows;
    }

    /** Removes the rows matching {@code which}; @return how many */
    int removeIf(Predicate<SinkRow> which) {
        int before = rows.size();
        rows.removeIf(which);
        columns = rows.stream().filter(r -> !r.delete()).findFirst().map(SinkRow::columnNames).orElse(null);
        return before - rows.size();
    }

    void clear() {
        rows.clear();
        columns = null;
    }
}

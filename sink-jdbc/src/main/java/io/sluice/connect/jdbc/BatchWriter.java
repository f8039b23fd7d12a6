package io.sluice.connect.jdbc;

import io.sluice.connect.jdbc.dialect.ColumnInfo;
import io.sluice.connect.jdbc.dialect.DatabaseDialect;
import io.sluice.connect.jdbc.dialect.RowBatch;
import io.sluice.connect.jdbc.dialect.TableDefinition;
import io.sluice.connect.jdbc.dialect.TableId;
import io.sluice.connect.jdbc.dialect.WriteCounts;
import org.apache.kafka.connect.errors.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Writes one table's {@link BatchPlan} over one connection: deletes, then writes, each as one transaction.
 *
 * <p>When the database refuses a transaction for a data reason (a value the column rejects, a NULL in a NOT NULL
 * column, a value too long) the rows are split in halves, each tried on its own, down to the single rows at fault,
 * which go to {@link BadRecords}; every other row is written. Rows that are done (written or reported) are
 * remembered, so that a retry after a lost connection repeats only what was not committed.
 */
final class BatchWriter {

    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

    private final DatabaseDialect dialect;
    private final JdbcSinkConfig config;
    private final TableManager tables;
    private final BadRecords badRecords;
    /** By identity: a plan is retried with the same rows, and a row's equality would hash its whole record. */
    private final Set<SinkRow> done = Collections.newSetFromMap(new IdentityHashMap<>());
    private WriteCounts counts = WriteCounts.NONE;
    private long deleted;

    BatchWriter(DatabaseDialect dialect, JdbcSinkConfig config, TableManager tables, BadRecords badRecords) {
        this.dialect = dialect;
        this.config = config;
        this.tables = tables;
        this.badRecords = badRecords;
    }

    /**
     * Applies the rows of {@code plan} not yet done; may be called again with the same plan after a failure.
     *
     * @throws SQLException when the database fails for a reason other than the rows (to be retried or not)
     */
    void write(Connection connection, TableId table, BatchPlan plan) throws SQLException {
        List<SinkRow> deletes = pending(plan.deletes());
        List<SinkRow> writes = pending(plan.writes());
        List<SinkRow> all = new ArrayList<>(deletes);
        all.addAll(writes);
        TableDefinition definition = tables.ensure(connection, table, all);
        if (definition == null) {
            // only deletes, and the table does not exist: there is nothing to delete
            done.addAll(deletes);
            return;
        }
        if (plan.deletesFirst() && !deletes.isEmpty()) {
            execute(connection, definition, deletes, true);
        }
        if (!writes.isEmpty()) {
            execute(connection, definition, writes, false);
        }
        if (!plan.deletesFirst() && !deletes.isEmpty()) {
            execute(connection, definition, deletes, true);
        }
    }

    /** @return what the plan did so far */
    WriteCounts counts() {
        return counts;
    }

    /** @return rows deleted or soft-deleted so far */
    long deleted() {
        return deleted;
    }

    private List<SinkRow> pending(List<SinkRow> rows) {
        return rows.stream().filter(r -> !done.contains(r)).toList();
    }

    private void execute(Connection connection, TableDefinition definition, List<SinkRow> rows, boolean delete)
            throws SQLException {
        List<String> columns = delete ? keyColumns(definition, rows.get(0)) : columns(definition, rows.get(0));
        int keyCount = resolvedKeyCount(definition, rows.get(0));
        List<SinkRow> bound = new ArrayList<>(rows.size());
        List<Object[]> values = new ArrayList<>(rows.size());
        for (SinkRow row : rows) {
            try {
                values.add(delete ? keyValues(definition, row) : rowValues(definition, row));
                bound.add(row);
            } catch (DataException e) {
                done.add(row);
                badRecords.report(row.record(), definition.table(), e);
            }
        }
        if (!bound.isEmpty()) {
            RowBatch batch = new RowBatch(definition.table(), columns, columns.subList(0, keyCount), values);
            split(connection, bound, batch, delete);
        }
    }

    private void split(Connection connection, List<SinkRow> rows, RowBatch batch, boolean delete)
            throws SQLException {
        try {
            dialect.begin(connection);
            if (delete) {
                deleted += config.deleteMode() == DeleteMode.SOFT
                        ? dialect.softDelete(connection, batch, config.softDeleteColumn())
                        : dialect.delete(connection, batch);
            } else {
                counts = counts.plus(dialect.write(connection, batch, config.insertMode()));
            }
            dialect.commit(connection);
            done.addAll(rows);
        } catch (SQLException e) {
            TableManager.rollbackQuietly(dialect, connection);
            if (!dialect.isDataError(e)) {
                throw e;
            }
            if (rows.size() == 1) {
                done.add(rows.get(0));
                if (!alreadyWritten(rows.get(0), delete, e)) {
                    badRecords.report(rows.get(0).record(), batch.table(), e);
                }
                return;
            }
            int half = rows.size() / 2;
            split(connection, rows.subList(0, half), batch.withRows(batch.rows().subList(0, half)), delete);
            split(connection, rows.subList(half, rows.size()),
                    batch.withRows(batch.rows().subList(half, rows.size())), delete);
        }
    }

    /**
     * In keyed insert mode a row whose key exists is taken as written by an earlier delivery of the same record
     * (delivery is at least once: a retried batch, a rewind after a failed commit, a rebalance), not as a bad record.
     */
    private boolean alreadyWritten(SinkRow row, boolean delete, SQLException failure) {
        if (delete || config.insertMode() != InsertMode.INSERT || row.keys().isEmpty()
                || !dialect.isDuplicateKey(failure)) {
            return false;
        }
        log.debug("JdbcSinkConnector {}: the key of {} exists in table {}; taken as written before",
                config.connectorName(), row.origin(), row.table());
        return true;
    }

    /** The columns the row's fields go to, as the table spells them; schemaless fields without a column drop out. */
    private static List<String> columns(TableDefinition definition, SinkRow row) {
        List<String> columns = new ArrayList<>();
        for (String name : row.columnNames()) {
            ColumnInfo column = definition.resolve(name);
            if (column != null) {
                columns.add(column.name());
            }
        }
        return columns;
    }

    private static List<String> keyColumns(TableDefinition definition, SinkRow row) {
        List<String> columns = new ArrayList<>();
        for (SinkRow.RowField key : row.keys()) {
            ColumnInfo column = definition.resolve(key.name());
            if (column == null) {
                throw new DataException("Table " + definition.table() + " has no key column '" + key.name() + "'");
            }
            columns.add(column.name());
        }
        return columns;
    }

    private static int resolvedKeyCount(TableDefinition definition, SinkRow row) {
        return (int) row.keys().stream().filter(k -> definition.resolve(k.name()) != null).count();
    }

    private Object[] keyValues(TableDefinition definition, SinkRow row) {
        int keys = row.keys().size();
        Object[] values = new Object[config.deleteMode() == DeleteMode.SOFT ? keys + 1 : keys];
        for (int i = 0; i < keys; i++) {
            values[i] = value(definition, row.keys().get(i), row.schemaless() || row.delete());
        }
        if (config.deleteMode() == DeleteMode.SOFT) {
            Long timestamp = row.record().timestamp();
            values[keys] = timestamp == null ? Instant.now() : Instant.ofEpochMilli(timestamp);
        }
        return values;
    }

    private Object[] rowValues(TableDefinition definition, SinkRow row) {
        List<Object> values = new ArrayList<>(row.keys().size() + row.values().size());
        for (SinkRow.RowField field : row.keys()) {
            if (definition.resolve(field.name()) != null) {
                values.add(value(definition, field, row.schemaless()));
            }
        }
        for (SinkRow.RowField field : row.values()) {
            if (definition.resolve(field.name()) != null) {
                values.add(value(definition, field, row.schemaless()));
            }
        }
        return values.toArray();
    }

    private static Object value(TableDefinition definition, SinkRow.RowField field, boolean schemaless) {
        if (schemaless || field.schema() == null) {
            return ValueConverter.coerce(definition.resolve(field.name()), field.value());
        }
        return ValueConverter.convert(field.schema(), field.value());
    }
}

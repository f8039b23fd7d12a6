package io.sluice.connect.jdbc;

import io.sluice.connect.jdbc.dialect.ColumnSpec;
import io.sluice.connect.jdbc.dialect.DatabaseDialect;
import io.sluice.connect.jdbc.dialect.TableDefinition;
import io.sluice.connect.jdbc.dialect.TableId;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Knows the target tables: describes them once (cached until a write fails), creates a missing one with
 * {@code auto.create} and adds missing columns with {@code auto.evolve}. All DDL is idempotent ({@code IF NOT EXISTS},
 * or a re-read of the table when another task added the same column first), so tasks racing on one table agree.
 */
final class TableManager {

    private static final Logger log = LoggerFactory.getLogger(TableManager.class);

    private final DatabaseDialect dialect;
    private final JdbcSinkConfig config;
    private final Map<TableId, TableDefinition> tables = new HashMap<>();
    private final Set<String> warnedFields = new HashSet<>();

    TableManager(DatabaseDialect dialect, JdbcSinkConfig config) {
        this.dialect = dialect;
        this.config = config;
    }

    /** Forgets what is known of a table, e.g. after a write to it failed: someone may have altered it. */
    void invalidate(TableId table) {
        tables.remove(table);
    }

    /**
     * @param connection the task's connection; DDL is committed here
     * @param table      the table
     * @param rows       the rows about to be written (deletes need the table only)
     * @return the table with every column the rows need; null when only deletes target a table that does not exist
     * @throws SQLException        as the database fails
     * @throws ConnectException    when the table or a column is missing and may not be created
     */
    TableDefinition ensure(Connection connection, TableId table, List<SinkRow> rows) throws SQLException {
        TableDefinition known = tables.get(table);
        if (known == null) {
            known = dialect.describe(connection, table).orElse(null);
            dialect.commit(connection);
            if (known == null && !rows.isEmpty()) {
                String tooLong = tooLong(dialect, connection, table.name());
                if (tooLong != null) {
                    throw new ConnectException("JdbcSinkConnector " + config.connectorName() + ", for "
                            + rows.get(0).origin() + ": " + tooLong);
                }
            }
        }
        SinkRow first = rows.stream().filter(r -> !r.delete()).findFirst().orElse(null);
        if (first == null) {
            if (known != null) {
                requireKeyColumns(known, rows);
                tables.put(table, known);
            }
            return known;
        }
        List<ColumnSpec> keys = specs(List.of(first.keys()));
        List<ColumnSpec> values = specs(rows.stream().filter(r -> !r.delete()).map(SinkRow::values).toList());
        if (known == null) {
            known = create(connection, table, keys, values, first);
        }
        List<ColumnSpec> missing = new ArrayList<>();
        for (ColumnSpec spec : concat(keys, values)) {
            if (known.resolve(spec.name()) == null) {
                missing.add(spec);
            }
        }
        if (!missing.isEmpty()) {
            known = evolve(connection, known, missing, first);
        }
        requireKeyColumns(known, rows);
        tables.put(table, known);
        return known;
    }

    /**
     * Checks a table name against the database's limit, which some databases (PostgreSQL) apply by cutting the name:
     * the table would be created under another name and never found again.
     *
     * @return what is wrong with the name, with the fix; null when it fits
     */
    static String tooLong(DatabaseDialect dialect, Connection connection, String name) throws SQLException {
        int max = connection.getMetaData().getMaxTableNameLength();
        int length = dialect.nameLength(name);
        if (max <= 0 || length <= max) {
            return null;
        }
        return "the table name '" + name + "' is " + length + " long, more than the " + max + " the database "
                + "allows: set table.name.format to a shorter name";
    }

    /**
     * Every key field needs its column, schemaless or not: without it an update or delete would match on the other
     * key columns only and change rows of other keys.
     */
    private void requireKeyColumns(TableDefinition known, List<SinkRow> rows) {
        for (SinkRow row : rows) {
            for (SinkRow.RowField key : row.keys()) {
                if (known.resolve(key.name()) == null) {
                    throw new ConnectException("JdbcSinkConnector " + config.connectorName() + ": table "
                            + known.table() + " has no column '" + key.name() + "' for the key field of that name ("
                            + row.origin() + "): add the column to the table and its primary key, or fix pk.mode "
                            + "and pk.fields");
                }
            }
        }
    }

    private TableDefinition create(Connection connection, TableId table, List<ColumnSpec> keys,
                                   List<ColumnSpec> values, SinkRow first) throws SQLException {
        if (!config.autoCreate()) {
            throw new ConnectException("Table " + table + " does not exist (needed by " + first.origin() + "): "
                    + "create it, or set auto.create=true");
        }
        String ddl = dialect.createTable(table, keys, values);
        log.info("JdbcSinkConnector {}: creating table {}", config.connectorName(), table);
        try {
            executeDdl(connection, ddl);
        } catch (SQLException e) {
            // two tasks creating one table can race even with IF NOT EXISTS (PostgreSQL's catalog unique index)
            if (dialect.describe(connection, table).isEmpty()) {
                throw e;
            }
        }
        return dialect.describe(connection, table).orElseThrow(() -> new ConnectException("Table " + table
                + " was created but cannot be found; check table.schema and the user's privileges"));
    }

    private TableDefinition evolve(Connection connection, TableDefinition known, List<ColumnSpec> missing,
                                   SinkRow first) throws SQLException {
        List<ColumnSpec> toAdd = new ArrayList<>();
        for (ColumnSpec spec : missing) {
            if (config.autoEvolve()) {
                toAdd.add(spec);
            } else if (first.schemaless()) {
                if (warnedFields.add(known.table() + "\u0000" + spec.name())) {
                    log.warn("JdbcSinkConnector {}: table {} has no column '{}'; schemaless field '{}' is not "
                            + "written. Add the column, or set auto.evolve=true", config.connectorName(),
                            known.table(), spec.name(), spec.name());
                }
            } else {
                throw new ConnectException("Table " + known.table() + " has no column '" + spec.name() + "' for the "
                        + "field of that name (" + first.origin() + "): add the column, or set auto.evolve=true");
            }
        }
        if (toAdd.isEmpty()) {
            return known;
        }
        for (ColumnSpec spec : toAdd) {
            log.info("JdbcSinkConnector {}: adding column '{}' to table {}", config.connectorName(), spec.name(),
                    known.table());
            try {
                executeDdl(connection, dialect.addColumn(known.table(), spec));
            } catch (SQLException e) {
                // another task may have added it first (databases without ADD COLUMN IF NOT EXISTS): re-read below
                log.debug("Adding column '{}' to {} failed: {}", spec.name(), known.table(), e.toString());
            }
        }
        TableDefinition evolved = dialect.describe(connection, known.table()).orElseThrow();
        dialect.commit(connection);
        for (ColumnSpec spec : toAdd) {
            if (evolved.resolve(spec.name()) == null) {
                throw new ConnectException("Cannot add column '" + spec.name() + "' to table " + known.table()
                        + ": check the user's ALTER privilege, or add the column by hand");
            }
        }
        return evolved;
    }

    private void executeDdl(Connection connection, String ddl) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(ddl);
            dialect.commit(connection);
        } catch (SQLException e) {
            rollbackQuietly(dialect, connection);
            throw e;
        }
    }

    static void rollbackQuietly(DatabaseDialect dialect, Connection connection) {
        try {
            dialect.rollback(connection);
        } catch (SQLException e) {
            log.debug("Rollback failed: {}", e.toString());
        }
    }

    /** The columns of the fields, each once, in order of first appearance; schemaless nulls say nothing. */
    private static List<ColumnSpec> specs(List<List<SinkRow.RowField>> fieldLists) {
        Map<String, ColumnSpec> specs = new LinkedHashMap<>();
        for (List<SinkRow.RowField> fields : fieldLists) {
            for (SinkRow.RowField field : fields) {
                if (field.schema() != null) {
                    specs.putIfAbsent(field.name(), new ColumnSpec(field.name(), field.schema()));
                }
            }
        }
        return new ArrayList<>(specs.values());
    }

    private static List<ColumnSpec> concat(List<ColumnSpec> a, List<ColumnSpec> b) {
        List<ColumnSpec> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

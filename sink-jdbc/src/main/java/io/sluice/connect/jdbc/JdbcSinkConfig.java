package io.sluice.connect.jdbc;

import io.sluice.connect.common.config.Aliases;
import io.sluice.connect.common.config.ConfigDocs;
import io.sluice.connect.common.config.ConfigEnums;
import io.sluice.connect.common.config.Recommenders;
import io.sluice.connect.common.config.Validators;
import io.sluice.connect.common.errors.RetryPolicy;
import io.sluice.connect.common.errors.RetryPolicyConfig;
import io.sluice.connect.common.jdbc.JdbcConnectionConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The configuration of {@link JdbcSinkConnector} and its tasks: one {@link ConfigDef}, built once, parsed once into
 * typed fields. Cross-field rules live in {@link JdbcSinkValidation}; the constructor enforces them too, so a config
 * object is always consistent.
 */
public final class JdbcSinkConfig extends AbstractConfig {

    static final String GROUP_CONNECTION = "Connection";
    static final String GROUP_TABLE = "Table";
    static final String GROUP_WRITES = "Writes";
    static final String GROUP_SCHEMA = "Schema";

    /** Template of the target table's name. */
    public static final String TABLE_NAME_FORMAT_CONFIG = "table.name.format";
    static final String TABLE_NAME_FORMAT_DOC = "The target table's name, where ${topic} stands for the record's "
            + "topic, e.g. 'kafka_${topic}'. The name is always quoted, so it is used exactly as written, whatever "
            + "characters it holds.";
    public static final String TABLE_NAME_FORMAT_DEFAULT = "${topic}";

    /** The schema (PostgreSQL) or database (MariaDB/MySQL) the tables are in. */
    public static final String TABLE_SCHEMA_CONFIG = "table.schema";
    static final String TABLE_SCHEMA_DOC = "The schema (PostgreSQL) or database (MariaDB/MySQL) that holds the "
            + "target tables; empty for the connection's current one. Ignored for SQLite. Alias: 'schema'.";
    public static final String TABLE_SCHEMA_DEFAULT = "";

    /** The {@link InsertMode}. */
    public static final String INSERT_MODE_CONFIG = "insert.mode";
    static final String INSERT_MODE_DOC = "How rows are written: 'insert' (a row whose key exists is taken as "
            + "written by an earlier delivery and skipped; at least once), "
            + "'upsert' (insert, or update the row with the same key; redelivered records leave the table unchanged) "
            + "or 'update' (update the row with the same key; records without a row change nothing). upsert and "
            + "update need a key (pk.mode other than none).";
    public static final String INSERT_MODE_DEFAULT = ConfigEnums.name(InsertMode.INSERT);

    /** The {@link PkMode}. */
    public static final String PK_MODE_CONFIG = "pk.mode";
    static final String PK_MODE_DOC = "Where the primary-key columns come from: 'none', 'record_key' (a primitive "
            + "key is one column named by pk.fields, default __connect_key; a struct or map key gives the fields "
            + "listed in pk.fields, or all of them), 'record_value' (the value fields listed in pk.fields) or 'kafka' "
            + "(columns __connect_topic, __connect_partition, __connect_offset, or the three names in pk.fields).";
    public static final String PK_MODE_DEFAULT = ConfigEnums.name(PkMode.NONE);

    /** The key columns, as pk.mode reads them. */
    public static final String PK_FIELDS_CONFIG = "pk.fields";
    static final String PK_FIELDS_DOC = "Comma-separated names of the primary-key columns; see pk.mode for what they "
            + "mean in each mode. Required for record_value. Alias: 'primary_key'.";
    public static final String PK_FIELDS_DEFAULT = "";

    /** The {@link DeleteMode}. */
    public static final String DELETE_MODE_CONFIG = "delete.mode";
    static final String DELETE_MODE_DOC = "What a tombstone (a record with a key and a null value) does: 'none' skips "
            + "it, 'hard' deletes the row with its key, 'soft' sets delete.soft.column of that row to the tombstone's "
            + "timestamp and keeps the row (a later record with the same key sets it back to null). hard and soft "
            + "need pk.mode=record_key.";
    public static final String DELETE_MODE_DEFAULT = ConfigEnums.name(DeleteMode.NONE);

    /** The column a soft delete sets. */
    public static final String DELETE_SOFT_COLUMN_CONFIG = "delete.soft.column";
    static final String DELETE_SOFT_COLUMN_DOC = "The timestamp column that delete.mode=soft sets to the tombstone's "
            + "timestamp; written as null for every other record. auto.create and auto.evolve add it.";
    public static final String DELETE_SOFT_COLUMN_DEFAULT = "archived_at";

    /** Rows buffered per table before they are written. */
    public static final String BATCH_SIZE_CONFIG = "batch.size";
    static final String BATCH_SIZE_DOC = "The most records buffered per table before they are written in one batch. "
            + "Buffers are also written once no new record has come for half a second, and whenever the worker "
            + "commits offsets (offset.flush.interval.ms); only written records have their offsets committed. "
            + "Alias: 'batch_size'.";
    public static final int BATCH_SIZE_DEFAULT = 3000;

    /** Whether missing tables are created. */
    public static final String AUTO_CREATE_CONFIG = "auto.create";
    static final String AUTO_CREATE_DOC = "Whether a missing table is created (CREATE TABLE IF NOT EXISTS) from the "
            + "record's schema, with the key columns as primary key.";
    public static final boolean AUTO_CREATE_DEFAULT = false;

    /** Whether missing columns are added. */
    public static final String AUTO_EVOLVE_CONFIG = "auto.evolve";
    static final String AUTO_EVOLVE_DOC = "Whether a field without a column gets one (ADD COLUMN IF NOT EXISTS where "
            + "the database has it), always nullable. Without it, a schema field without a column fails the task, "
            + "and a schemaless field without a column is left out (logged once per table).";
    public static final boolean AUTO_EVOLVE_DEFAULT = false;

    /** Seed-spec names accepted in place of our keys. */
    public static final Aliases ALIASES = JdbcConnectionConfig.addAliases(Aliases.builder())
            .alias("schema", TABLE_SCHEMA_CONFIG)
            .alias("primary_key", PK_FIELDS_CONFIG)
            .alias("batch_size", BATCH_SIZE_CONFIG)
            .build();

    /** The connector's definition. */
    public static final ConfigDef CONFIG_DEF = define();

    /** Kafka Connect's own key deciding whether bad records are reported or fail the task. */
    static final String ERRORS_TOLERANCE_CONFIG = "errors.tolerance";

    private final String connectorName;
    private final JdbcConnectionConfig connection;
    private final String tableNameFormat;
    private final String tableSchema;
    private final InsertMode insertMode;
    private final PkMode pkMode;
    private final List<String> pkFields;
    private final DeleteMode deleteMode;
    private final String softDeleteColumn;
    private final int batchSize;
    private final boolean autoCreate;
    private final boolean autoEvolve;
    private final RetryPolicy retryPolicy;
    private final boolean tolerateAll;

    /**
     * @param props the connector or task configuration; aliases are applied here
     * @throws ConfigException when a value is invalid, a key and its alias are both set, or a cross-field rule fails
     */
    public JdbcSinkConfig(Map<String, String> props) {
        super(CONFIG_DEF, ALIASES.apply(props));
        List<JdbcSinkValidation.Issue> issues = JdbcSinkValidation.crossField(values());
        if (!issues.isEmpty()) {
            throw new ConfigException(issues.stream().map(JdbcSinkValidation.Issue::toString)
                    .collect(Collectors.joining("; ")));
        }
        connectorName = props.getOrDefault("name", "jdbc-sink");
        connection = new JdbcConnectionConfig(this, defaultScheme(getString(JdbcConnectionConfig.HOST_CONFIG)));
        tableNameFormat = getString(TABLE_NAME_FORMAT_CONFIG);
        tableSchema = getString(TABLE_SCHEMA_CONFIG).trim();
        insertMode = ConfigEnums.parse(InsertMode.class, INSERT_MODE_CONFIG, getString(INSERT_MODE_CONFIG));
        pkMode = ConfigEnums.parse(PkMode.class, PK_MODE_CONFIG, getString(PK_MODE_CONFIG));
        pkFields = getList(PK_FIELDS_CONFIG).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        deleteMode = ConfigEnums.parse(DeleteMode.class, DELETE_MODE_CONFIG, getString(DELETE_MODE_CONFIG));
        softDeleteColumn = getString(DELETE_SOFT_COLUMN_CONFIG).trim();
        batchSize = getInt(BATCH_SIZE_CONFIG);
        autoCreate = getBoolean(AUTO_CREATE_CONFIG);
        autoEvolve = getBoolean(AUTO_EVOLVE_CONFIG);
        retryPolicy = RetryPolicyConfig.policy(this);
        tolerateAll = "all".equalsIgnoreCase(props.getOrDefault(ERRORS_TOLERANCE_CONFIG, "none").trim());
    }

    /**
     * The JDBC sub-protocol of a URL built from parts: SQLite when only a database (file) is given, PostgreSQL
     * otherwise.
     */
    static String defaultScheme(String host) {
        return host == null || host.isBlank() ? "sqlite" : "postgresql";
    }

    /**
     * Prints the configuration reference in Markdown.
     *
     * @param args an optional output file; standard output when absent
     */
    public static void main(String[] args) {
        ConfigDocs.write("JDBC sink connector configuration", CONFIG_DEF, ALIASES, args);
    }

    private static ConfigDef define() {
        ConfigDef def = new ConfigDef();
        JdbcConnectionConfig.fragment(GROUP_CONNECTION).define(def);
        int order = 0;
        def.define(TABLE_NAME_FORMAT_CONFIG, Type.STRING, TABLE_NAME_FORMAT_DEFAULT, Validators.nonEmpty(),
                        Importance.MEDIUM, TABLE_NAME_FORMAT_DOC, GROUP_TABLE, ++order, Width.MEDIUM,
                        "Table name format")
                .define(TABLE_SCHEMA_CONFIG, Type.STRING, TABLE_SCHEMA_DEFAULT, Importance.MEDIUM, TABLE_SCHEMA_DOC,
                        GROUP_TABLE, ++order, Width.MEDIUM, "Table schema")
                .define(PK_MODE_CONFIG, Type.STRING, PK_MODE_DEFAULT, Validators.oneOfIgnoreCase(PkMode.class),
                        Importance.HIGH, PK_MODE_DOC, GROUP_TABLE, ++order, Width.SHORT, "Primary key mode",
                        Recommenders.enumValues(PkMode.class))
                .define(PK_FIELDS_CONFIG, Type.LIST, PK_FIELDS_DEFAULT, Importance.MEDIUM, PK_FIELDS_DOC,
                        GROUP_TABLE, ++order, Width.MEDIUM, "Primary key fields");
        order = 0;
        def.define(INSERT_MODE_CONFIG, Type.STRING, INSERT_MODE_DEFAULT, Validators.oneOfIgnoreCase(InsertMode.class),
                        Importance.HIGH, INSERT_MODE_DOC, GROUP_WRITES, ++order, Width.SHORT, "Insert mode",
                        Recommenders.enumValues(InsertMode.class))
                .define(DELETE_MODE_CONFIG, Type.STRING, DELETE_MODE_DEFAULT,
                        Validators.oneOfIgnoreCase(DeleteMode.class), Importance.MEDIUM, DELETE_MODE_DOC,
                        GROUP_WRITES, ++order, Width.SHORT, "Delete mode", Recommenders.enumValues(DeleteMode.class))
                .define(DELETE_SOFT_COLUMN_CONFIG, Type.STRING, DELETE_SOFT_COLUMN_DEFAULT, Validators.nonEmpty(),
                        Importance.LOW, DELETE_SOFT_COLUMN_DOC, GROUP_WRITES, ++order, Width.MEDIUM,
                        "Soft delete column",
                        Recommenders.visibleIf(DELETE_MODE_CONFIG, ConfigEnums.name(DeleteMode.SOFT)))
                .define(BATCH_SIZE_CONFIG, Type.INT, BATCH_SIZE_DEFAULT, Validators.positive(), Importance.MEDIUM,
                        BATCH_SIZE_DOC, GROUP_WRITES, ++order, Width.SHORT, "Batch size");
        order = 0;
        def.define(AUTO_CREATE_CONFIG, Type.BOOLEAN, AUTO_CREATE_DEFAULT, Importance.MEDIUM, AUTO_CREATE_DOC,
                        GROUP_SCHEMA, ++order, Width.SHORT, "Create tables")
                .define(AUTO_EVOLVE_CONFIG, Type.BOOLEAN, AUTO_EVOLVE_DEFAULT, Importance.MEDIUM, AUTO_EVOLVE_DOC,
                        GROUP_SCHEMA, ++order, Width.SHORT, "Add columns");
        new RetryPolicyConfig().define(def);
        return def;
    }

    /** @return the connector's name, for messages, logs and the health check */
    public String connectorName() {
        return connectorName;
    }

    /** @return the parsed connection keys */
    public JdbcConnectionConfig connection() {
        return connection;
    }

    /** @return the table name template, with {@code ${topic}} */
    public String tableNameFormat() {
        return tableNameFormat;
    }

    /** @return the target schema; empty for the connection's current one */
    public String tableSchema() {
        return tableSchema;
    }

    public InsertMode insertMode() {
        return insertMode;
    }

    public PkMode pkMode() {
        return pkMode;
    }

    /** @return {@code pk.fields}, trimmed, blanks removed */
    public List<String> pkFields() {
        return pkFields;
    }

    public DeleteMode deleteMode() {
        return deleteMode;
    }

    public String softDeleteColumn() {
        return softDeleteColumn;
    }

    public int batchSize() {
        return batchSize;
    }

    public boolean autoCreate() {
        return autoCreate;
    }

    public boolean autoEvolve() {
        return autoEvolve;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** @return whether {@code errors.tolerance=all}: bad records go to the errant-record reporter */
    public boolean tolerateAll() {
        return tolerateAll;
    }
}

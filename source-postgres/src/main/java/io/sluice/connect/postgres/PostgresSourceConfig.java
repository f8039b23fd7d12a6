package io.sluice.connect.postgres;

import io.sluice.connect.common.config.Aliases;
import io.sluice.connect.common.config.ConfigDocs;
import io.sluice.connect.common.config.ConfigEnums;
import io.sluice.connect.common.errors.BadRecordConfig;
import io.sluice.connect.common.errors.BadRecordPolicy;
import io.sluice.connect.common.errors.RetryPolicy;
import io.sluice.connect.common.errors.RetryPolicyConfig;
import io.sluice.connect.common.jdbc.JdbcConnectionConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The configuration of {@link PostgresSourceConnector} and its tasks: one {@link ConfigDef}, built once, parsed once
 * into typed fields. Cross-field rules live in {@link PostgresSourceValidation#crossField}; the constructor enforces
 * them too, so a config object is always consistent.
 */
public final class PostgresSourceConfig extends AbstractConfig {

    static final String GROUP_CONNECTION = "Connection";
    static final String GROUP_TABLES = "Tables";
    static final String GROUP_SYNC = "Sync";
    static final String GROUP_OUTPUT = "Output";

    /** Schemas whose tables are discovered. */
    public static final String SCHEMA_INCLUDE_LIST_CONFIG = "schema.include.list";
    static final String SCHEMA_INCLUDE_LIST_DOC = "Comma-separated names of the schemas whose tables are discovered "
            + "(exact names, not patterns). Alias: 'schema'.";
    public static final String SCHEMA_INCLUDE_LIST_DEFAULT = "public";

    /** Regular expressions selecting tables by qualified name. */
    public static final String TABLE_INCLUDE_LIST_CONFIG = "table.include.list";
    static final String TABLE_INCLUDE_LIST_DOC = "Comma-separated regular expressions matched against each table's "
            + "qualified name 'schema.table' (the whole name must match, e.g. 'public\\.orders_.*'); empty selects "
            + "every table (ordinary or partitioned) of schema.include.list. Tables are discovered at start and "
            + "again every table.discovery.interval.ms; a new matching table starts syncing without a restart.";
    public static final String TABLE_INCLUDE_LIST_DEFAULT = "";

    public static final String TABLE_EXCLUDE_LIST_CONFIG = "table.exclude.list";
    static final String TABLE_EXCLUDE_LIST_DOC = "Comma-separated regular expressions on 'schema.table'; a table "
            + "matching one of them is not synced even when table.include.list matches it.";
    public static final String TABLE_EXCLUDE_LIST_DEFAULT = "";

    public static final String QUERY_CONFIG = "query";
    static final String QUERY_DOC = "A custom SELECT to sync instead of discovered tables, e.g. 'SELECT o.id, "
            + "o.updated_at, c.name FROM orders o JOIN customers c ON c.id = o.customer_id'. It is wrapped as a "
            + "subquery, so table.filter, cursor.columns and primary.key name its output columns; primary.key is "
            + "required with it. Empty: tables are discovered.";
    public static final String QUERY_DEFAULT = "";

    public static final String QUERY_NAME_CONFIG = "query.name";
    static final String QUERY_NAME_DOC = "The name of the custom query: its source partition and its topic "
            + "(topic.prefix + this name).";
    public static final String QUERY_NAME_DEFAULT = "query";

    public static final String TABLE_FILTER_CONFIG = "table.filter";
    static final String TABLE_FILTER_DOC = "An SQL condition (a WHERE fragment, the seed specs' 'scope') that every "
            + "synced row must satisfy, e.g. 'status <> ''draft'' AND tenant_id = 7'; empty for all rows. Applies to "
            + "every table that does not set its own with 'table.filter.<schema>.<table>'.";
    public static final String TABLE_FILTER_DEFAULT = "";

    public static final String TABLE_COLUMNS_CONFIG = "table.columns";
    static final String TABLE_COLUMNS_DOC = "Comma-separated columns to put into each record's value; empty for "
            + "every column. The key and cursor columns are always read.";
    public static final String TABLE_COLUMNS_DEFAULT = "";

    public static final String TABLE_DISCOVERY_INTERVAL_MS_CONFIG = "table.discovery.interval.ms";
    static final String TABLE_DISCOVERY_INTERVAL_MS_DOC = "How often the connector looks for tables that were "
            + "created or dropped; the tasks are reconfigured when the set of matching tables changes.";
    public static final long TABLE_DISCOVERY_INTERVAL_MS_DEFAULT = 60_000L;

    public static final String SYNC_MODE_CONFIG = "sync.mode";
    static final String SYNC_MODE_DOC = "How tables are read: 'full_refresh' reads every row again each "
            + "full.refresh.interval.ms (or once); 'incremental' reads the rows after the last (cursor.columns, "
            + "primary key) position, never missing one when transactions commit out of order. A table may set its "
            + "own with 'sync.mode.<schema>.<table>'. Alias: 'sync_mode'.";
    public static final String SYNC_MODE_DEFAULT = ConfigEnums.name(SyncMode.FULL_REFRESH);

    public static final String CURSOR_COLUMNS_CONFIG = "cursor.columns";
    static final String CURSOR_COLUMNS_DOC = "The column(s) whose values order new and changed rows for "
            + "sync.mode=incremental, e.g. 'updated_at' or 'id'; required then. Values must be assigned when a "
            + "row is written (a sequence, now() or clock_timestamp()), never null, and ordered by the column's "
            + "type. A table may set its own with 'cursor.columns.<schema>.<table>'. Alias: 'cursor_field'.";
    public static final String CURSOR_COLUMNS_DEFAULT = "";

    public static final String PRIMARY_KEY_CONFIG = "primary.key";
    static final String PRIMARY_KEY_DOC = "The column(s) that identify a row: the record key and the tie-break "
            + "between rows sharing a cursor value. Empty: each table's primary key (a table without one is read "
            + "by full refresh in physical order, with a null record key). Required with query. A table may set its "
            + "own with 'primary.key.<schema>.<table>'. Alias: 'primary_key'.";
    public static final String PRIMARY_KEY_DEFAULT = "";

    public static final String SYNC_FROM_CONFIG = "sync.from";
    static final String SYNC_FROM_DOC = "The smallest value of the first cursor column to read in the first "
            + "incremental sync of a table, in PostgreSQL's text form (e.g. '2024-01-01 00:00:00+00' or '1000'), "
            + "which must cast to that column's type; once a table has an offset it is not used. Empty: from the "
            + "first row. A table may set its own with 'sync.from.<schema>.<table>'. Alias: 'sync_from'.";
    public static final String SYNC_FROM_DEFAULT = "";

    public static final String FULL_REFRESH_INTERVAL_MS_CONFIG = "full.refresh.interval.ms";
    static final String FULL_REFRESH_INTERVAL_MS_DOC = "For tables read by full refresh (sync.mode or "
            + "sync.mode.<schema>.<table>): milliseconds from the start of one complete read of a table to the "
            + "start of the next. 0 reads each table once, as a snapshot.";
    public static final long FULL_REFRESH_INTERVAL_MS_DEFAULT = 3_600_000L;

    public static final String FULL_REFRESH_SPLIT_ROWS_CONFIG = "full.refresh.split.rows";
    static final String FULL_REFRESH_SPLIT_ROWS_DOC = "For tables read by full refresh (sync.mode or "
            + "sync.mode.<schema>.<table>): a table with more rows than this (counted when the connector starts or "
            + "the tables change) is cut into primary-key ranges of about this many rows (at most 64), which "
            + "different tasks read in parallel. 0 reads each table in one task.";
    public static final long FULL_REFRESH_SPLIT_ROWS_DEFAULT = 0L;

    public static final String POLL_INTERVAL_MS_CONFIG = "poll.interval.ms";
    static final String POLL_INTERVAL_MS_DOC = "How long a task waits before asking its tables again when none "
            + "had new rows.";
    public static final long POLL_INTERVAL_MS_DEFAULT = 1000L;

    public static final String INCREMENTAL_SETTLE_MS_CONFIG = "incremental.settle.ms";
    static final String INCREMENTAL_SETTLE_MS_DOC = "For tables read incrementally (sync.mode or "
            + "sync.mode.<schema>.<table>): the least time between an observation of a table's newest row and the "
            + "later observation that confirms it, so a transaction that took its cursor value (a nextval, a clock "
            + "reading, or now(), which counts from BEGIN) up to this long before its first write is still waited "
            + "for. -1: the value of poll.interval.ms.";
    public static final long INCREMENTAL_SETTLE_MS_DEFAULT = -1L;

    public static final String BATCH_SIZE_CONFIG = "batch.size";
    static final String BATCH_SIZE_DOC = "The most rows one query reads (the page size of the keyset pagination) "
            + "and a task hands to Connect per poll. Alias: 'batch_size'.";
    public static final int BATCH_SIZE_DEFAULT = 1000;

    public static final String FETCH_SIZE_CONFIG = "fetch.size";
    static final String FETCH_SIZE_DOC = "Rows per round trip of the server-side cursor that reads a page, so a "
            + "task holds at most this many rows of a result in memory while converting.";
    public static final int FETCH_SIZE_DEFAULT = 500;

    /** How many pages a task reads ahead of Connect's poll thread. */
    public static final String READ_AHEAD_BATCHES_CONFIG = "read.ahead.batches";
    static final String READ_AHEAD_BATCHES_DOC = "How many batches (pages) a task reads and converts ahead of "
            + "Connect, on a thread of its own, while Connect serializes and sends the batch before; 0 reads on "
            + "Connect's poll thread only. Rows read ahead but not yet handed to Connect when a task stops are read "
            + "again from the committed offsets when it starts.";
    public static final int READ_AHEAD_BATCHES_DEFAULT = 1;

    public static final String NUMERIC_MAPPING_CONFIG = "numeric.mapping";
    static final String NUMERIC_MAPPING_DOC = "How numeric/decimal columns are written: 'decimal' as Connect's "
            + "Decimal (exact; a numeric without a declared scale becomes a string), 'double' as float64, "
            + "'string' as the exact text.";
    public static final String NUMERIC_MAPPING_DEFAULT = ConfigEnums.name(NumericMapping.DECIMAL);

    public static final String TOPIC_PREFIX_CONFIG = "topic.prefix";
    static final String TOPIC_PREFIX_DOC = "Prefix of every topic: a table's rows go to '<topic.prefix><schema>."
            + "<table>', a custom query's to '<topic.prefix><query.name>'. Characters a topic cannot hold become "
            + "'_'.";
    public static final String TOPIC_PREFIX_DEFAULT = "";

    /** Seed-spec names accepted in place of our keys. */
    public static final Aliases ALIASES = JdbcConnectionConfig.addAliases(Aliases.builder())
            .alias("schema", SCHEMA_INCLUDE_LIST_CONFIG)
            .alias("sync_mode", SYNC_MODE_CONFIG)
            .alias("cursor_field", CURSOR_COLUMNS_CONFIG)
            .alias("primary_key", PRIMARY_KEY_CONFIG)
            .alias("batch_size", BATCH_SIZE_CONFIG)
            .alias("sync_from", SYNC_FROM_CONFIG)
            .build();

    /** The connector's definition. */
    public static final ConfigDef CONFIG_DEF = PostgresSourceConfigDef.define();

    private final String connectorName;
    private final JdbcConnectionConfig connection;
    private final List<String> schemas;
    private final List<Pattern> includeTables;
    private final List<Pattern> excludeTables;
    private final String query;
    private final String queryName;
    private final List<String> columns;
    private final long discoveryIntervalMs;
    private final TableSettings defaults;
    private final TableOverrides tables;
    private final long fullRefreshIntervalMs;
    private final long fullRefreshSplitRows;
    private final long pollIntervalMs;
    private final long settleMs;
    private final int batchSize;
    private final int fetchSize;
    private final int readAheadBatches;
    private final NumericMapping numericMapping;
    private final String topicPrefix;
    private final RetryPolicy retryPolicy;
    private final BadRecordPolicy badRecordPolicy;
    private final String badRecordTopic;

    /**
     * @param props the connector or task configuration; aliases are applied here
     * @throws ConfigException when a value is invalid, a key and its alias are both set, or a cross-field rule fails
     */
    public PostgresSourceConfig(Map<String, String> props) {
        super(CONFIG_DEF, ALIASES.apply(props));
        List<PostgresSourceValidation.Issue> issues = PostgresSourceValidation.crossField(originalsStrings());
        if (!issues.isEmpty()) {
            throw new ConfigException(issues.stream().map(PostgresSourceValidation.Issue::toString)
                    .collect(Collectors.joining("; ")));
        }
        connectorName = props.getOrDefault("name", "postgres-source");
        connection = new JdbcConnectionConfig(this, "postgresql");
        schemas = trimmed(getList(SCHEMA_INCLUDE_LIST_CONFIG));
        includeTables = trimmed(getList(TABLE_INCLUDE_LIST_CONFIG)).stream().map(Pattern::compile).toList();
        excludeTables = trimmed(getList(TABLE_EXCLUDE_LIST_CONFIG)).stream().map(Pattern::compile).toList();
        query = getString(QUERY_CONFIG).trim();
        queryName = getString(QUERY_NAME_CONFIG).trim();
        columns = trimmed(getList(TABLE_COLUMNS_CONFIG));
        discoveryIntervalMs = getLong(TABLE_DISCOVERY_INTERVAL_MS_CONFIG);
        defaults = new TableSettings(null, ConfigEnums.parse(SyncMode.class, SYNC_MODE_CONFIG,
                getString(SYNC_MODE_CONFIG)), trimmed(getList(CURSOR_COLUMNS_CONFIG)),
                trimmed(getList(PRIMARY_KEY_CONFIG)), getString(TABLE_FILTER_CONFIG).trim(),
                getString(SYNC_FROM_CONFIG).trim(), Map.of());
        tables = new TableOverrides(defaults, originalsStrings());
        fullRefreshIntervalMs = getLong(FULL_REFRESH_INTERVAL_MS_CONFIG);
        fullRefreshSplitRows = getLong(FULL_REFRESH_SPLIT_ROWS_CONFIG);
        pollIntervalMs = getLong(POLL_INTERVAL_MS_CONFIG);
        long settle = getLong(INCREMENTAL_SETTLE_MS_CONFIG);
        settleMs = settle < 0 ? pollIntervalMs : settle;
        batchSize = getInt(BATCH_SIZE_CONFIG);
        fetchSize = getInt(FETCH_SIZE_CONFIG);
        readAheadBatches = getInt(READ_AHEAD_BATCHES_CONFIG);
        numericMapping = ConfigEnums.parse(NumericMapping.class, NUMERIC_MAPPING_CONFIG,
                getString(NUMERIC_MAPPING_CONFIG));
        topicPrefix = getString(TOPIC_PREFIX_CONFIG).trim();
        retryPolicy = RetryPolicyConfig.policy(this);
        badRecordPolicy = BadRecordConfig.policy(this);
        badRecordTopic = BadRecordConfig.topic(this);
    }

    /**
     * Prints the configuration reference in Markdown.
     *
     * @param args an optional output file; standard output when absent
     */
    public static void main(String[] args) {
        ConfigDocs.write("PostgreSQL source connector configuration", CONFIG_DEF, ALIASES, args);
    }

    private static List<String> trimmed(List<String> values) {
        return values.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** @return the connector's name, for messages and error-record headers */
    public String connectorName() {
        return connectorName;
    }

    public JdbcConnectionConfig connection() {
        return connection;
    }

    public List<String> schemas() {
        return schemas;
    }

    public List<Pattern> includeTables() {
        return includeTables;
    }

    public List<Pattern> excludeTables() {
        return excludeTables;
    }

    /** @return the custom query, or the empty string when tables are discovered */
    public String query() {
        return query;
    }

    public boolean hasQuery() {
        return !query.isEmpty();
    }

    public String queryName() {
        return queryName;
    }

    /** @return the value columns; empty for every column */
    public List<String> columns() {
        return columns;
    }

    public long discoveryIntervalMs() {
        return discoveryIntervalMs;
    }

    /**
     * @return the connector's sync mode, cursor columns, key and filter: those of every table that sets none of its
     *         own, and of the custom query
     */
    TableSettings defaults() {
        return defaults;
    }

    /** @return how {@code split} is read: its table's own settings where it has them, else {@link #defaults()} */
    TableSettings settings(Split split) {
        return split.isQuery() ? defaults : tables.settings(split.name());
    }

    /** @return how the table {@code name} ({@code schema.table}) is read */
    TableSettings settings(String name) {
        return tables.settings(name);
    }

    /** @return the names of the tables that have settings of their own, sorted */
    List<String> tablesWithSettings() {
        return tables.tables();
    }

    /**
     * @return the connector's lower bound of the first cursor column in a table's first sync, or the empty string;
     *         a table may set its own ({@link #settings(Split)})
     */
    public String syncFrom() {
        return defaults.syncFrom();
    }

    public long fullRefreshIntervalMs() {
        return fullRefreshIntervalMs;
    }

    /** @return the rows per key range of a full refresh split across tasks; 0 when tables are not split */
    public long fullRefreshSplitRows() {
        return fullRefreshSplitRows;
    }

    public long pollIntervalMs() {
        return pollIntervalMs;
    }

    /** @return the least time between an observation and the one that confirms it */
    public long settleMs() {
        return settleMs;
    }

    public int batchSize() {
        return batchSize;
    }

    public int fetchSize() {
        return fetchSize;
    }

    /** @return how many pages a task reads ahead of Connect's poll thread; 0 reads on that thread */
    public int readAheadBatches() {
        return readAheadBatches;
    }

    public NumericMapping numericMapping() {
        return numericMapping;
    }

    public String topicPrefix() {
        return topicPrefix;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public BadRecordPolicy badRecordPolicy() {
        return badRecordPolicy;
    }

    /** @return the error topic; empty unless the policy is error_topic */
    public String badRecordTopic() {
        return badRecordTopic;
    }
}

package io.sluice.connect.postgres;

import io.sluice.connect.common.config.Recommenders;
import io.sluice.connect.common.config.Validators;
import io.sluice.connect.common.errors.BadRecordConfig;
import io.sluice.connect.common.errors.RetryPolicyConfig;
import io.sluice.connect.common.jdbc.JdbcConnectionConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import static io.sluice.connect.postgres.PostgresSourceConfig.*;

/**
 * Assembles {@link PostgresSourceConfig#CONFIG_DEF} from the key constants of {@link PostgresSourceConfig}: groups,
 * order, validators and recommenders, kept apart from the typed accessors.
 */
final class PostgresSourceConfigDef {

    private PostgresSourceConfigDef() {
    }

    static ConfigDef define() {
        ConfigDef def = new ConfigDef();
        JdbcConnectionConfig.fragment(GROUP_CONNECTION).define(def);
        int order = 0;
        def.define(SCHEMA_INCLUDE_LIST_CONFIG, Type.LIST, SCHEMA_INCLUDE_LIST_DEFAULT, Validators.nonEmpty(),
                        Importance.HIGH, SCHEMA_INCLUDE_LIST_DOC, GROUP_TABLES, ++order, Width.MEDIUM, "Schemas")
                .define(TABLE_INCLUDE_LIST_CONFIG, Type.LIST, TABLE_INCLUDE_LIST_DEFAULT, Validators.regex(),
                        Importance.HIGH, TABLE_INCLUDE_LIST_DOC, GROUP_TABLES, ++order, Width.LONG, "Tables")
                .define(TABLE_EXCLUDE_LIST_CONFIG, Type.LIST, TABLE_EXCLUDE_LIST_DEFAULT, Validators.regex(),
                        Importance.MEDIUM, TABLE_EXCLUDE_LIST_DOC, GROUP_TABLES, ++order, Width.LONG,
                        "Excluded tables")
                .define(QUERY_CONFIG, Type.STRING, QUERY_DEFAULT, Importance.MEDIUM, QUERY_DOC, GROUP_TABLES,
                        ++order, Width.LONG, "Custom query")
                .define(QUERY_NAME_CONFIG, Type.STRING, QUERY_NAME_DEFAULT, Validators.nonEmpty(), Importance.LOW,
                        QUERY_NAME_DOC, GROUP_TABLES, ++order, Width.SHORT, "Query name")
                .define(TABLE_FILTER_CONFIG, Type.STRING, TABLE_FILTER_DEFAULT, Importance.MEDIUM,
                        TABLE_FILTER_DOC, GROUP_TABLES, ++order, Width.LONG, "Row filter")
                .define(TABLE_COLUMNS_CONFIG, Type.LIST, TABLE_COLUMNS_DEFAULT, Importance.MEDIUM,
                        TABLE_COLUMNS_DOC, GROUP_TABLES, ++order, Width.LONG, "Columns")
                .define(TABLE_DISCOVERY_INTERVAL_MS_CONFIG, Type.LONG, TABLE_DISCOVERY_INTERVAL_MS_DEFAULT,
                        Validators.positive(), Importance.LOW, TABLE_DISCOVERY_INTERVAL_MS_DOC, GROUP_TABLES,
                        ++order, Width.SHORT, "Table discovery interval (ms)");
        order = 0;
        def.define(SYNC_MODE_CONFIG, Type.STRING, SYNC_MODE_DEFAULT, Validators.oneOfIgnoreCase(SyncMode.class),
                        Importance.HIGH, SYNC_MODE_DOC, GROUP_SYNC, ++order, Width.SHORT, "Sync mode",
                        Recommenders.enumValues(SyncMode.class))
                .define(CURSOR_COLUMNS_CONFIG, Type.LIST, CURSOR_COLUMNS_DEFAULT, Importance.HIGH,
                        CURSOR_COLUMNS_DOC, GROUP_SYNC, ++order, Width.MEDIUM, "Cursor columns")
                .define(PRIMARY_KEY_CONFIG, Type.LIST, PRIMARY_KEY_DEFAULT, Importance.MEDIUM, PRIMARY_KEY_DOC,
                        GROUP_SYNC, ++order, Width.MEDIUM, "Primary key")
                .define(SYNC_FROM_CONFIG, Type.STRING, SYNC_FROM_DEFAULT, Importance.MEDIUM, SYNC_FROM_DOC,
                        GROUP_SYNC, ++order, Width.MEDIUM, "Sync from")
                .define(FULL_REFRESH_INTERVAL_MS_CONFIG, Type.LONG, FULL_REFRESH_INTERVAL_MS_DEFAULT,
                        Validators.nonNegative(), Importance.MEDIUM, FULL_REFRESH_INTERVAL_MS_DOC, GROUP_SYNC,
                        ++order, Width.SHORT, "Full refresh interval (ms)")
                .define(FULL_REFRESH_SPLIT_ROWS_CONFIG, Type.LONG, FULL_REFRESH_SPLIT_ROWS_DEFAULT,
                        Validators.nonNegative(), Importance.LOW, FULL_REFRESH_SPLIT_ROWS_DOC, GROUP_SYNC, ++order,
                        Width.SHORT, "Full refresh split rows")
                .define(POLL_INTERVAL_MS_CONFIG, Type.LONG, POLL_INTERVAL_MS_DEFAULT, Validators.positive(),
                        Importance.LOW, POLL_INTERVAL_MS_DOC, GROUP_SYNC, ++order, Width.SHORT, "Poll interval (ms)")
                .define(INCREMENTAL_SETTLE_MS_CONFIG, Type.LONG, INCREMENTAL_SETTLE_MS_DEFAULT,
                        ConfigDef.Range.atLeast(-1L), Importance.MEDIUM, INCREMENTAL_SETTLE_MS_DOC, GROUP_SYNC,
                        ++order, Width.SHORT, "Incremental settle time (ms)")
                .define(BATCH_SIZE_CONFIG, Type.INT, BATCH_SIZE_DEFAULT, Validators.positive(), Importance.LOW,
                        BATCH_SIZE_DOC, GROUP_SYNC, ++order, Width.SHORT, "Batch size")
                .define(FETCH_SIZE_CONFIG, Type.INT, FETCH_SIZE_DEFAULT, Validators.positive(), Importance.LOW,
                        FETCH_SIZE_DOC, GROUP_SYNC, ++order, Width.SHORT, "Fetch size")
                .define(READ_AHEAD_BATCHES_CONFIG, Type.INT, READ_AHEAD_BATCHES_DEFAULT, ConfigDef.Range.between(0, 16),
                        Importance.LOW, READ_AHEAD_BATCHES_DOC, GROUP_SYNC, ++order, Width.SHORT,
                        "Read-ahead batches");
        order = 0;
        def.define(TOPIC_PREFIX_CONFIG, Type.STRING, TOPIC_PREFIX_DEFAULT, Importance.HIGH, TOPIC_PREFIX_DOC,
                        GROUP_OUTPUT, ++order, Width.MEDIUM, "Topic prefix")
                .define(NUMERIC_MAPPING_CONFIG, Type.STRING, NUMERIC_MAPPING_DEFAULT,
                        Validators.oneOfIgnoreCase(NumericMapping.class), Importance.MEDIUM, NUMERIC_MAPPING_DOC,
                        GROUP_OUTPUT, ++order, Width.SHORT, "Numeric mapping",
                        Recommenders.enumValues(NumericMapping.class));
        new RetryPolicyConfig().define(def);
        new BadRecordConfig().define(def);
        return def;
    }
}

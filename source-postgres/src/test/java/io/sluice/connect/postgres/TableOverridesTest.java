package io.sluice.connect.postgres;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableOverridesTest {

    private static Map<String, String> base() {
        Map<String, String> props = new HashMap<>();
        props.put("name", "shop");
        props.put("connection.url", "jdbc:postgresql://db:5432/shop");
        props.put("schema.include.list", "public,sales");
        props.put("sync.mode", "full_refresh");
        props.put("cursor.columns", "updated_at");
        props.put("table.filter", "deleted_at IS NULL");
        return props;
    }

    private static List<String> issueKeys(Map<String, String> props) {
        return PostgresSourceValidation.crossField(props).stream().map(PostgresSourceValidation.Issue::key).toList();
    }

    @Test
    void eachTableTakesItsOwnValueWhereItSetsOneAndTheConnectorsOtherwise() {
        Map<String, String> props = base();
        props.put("sync.mode.public.orders", "INCREMENTAL");
        props.put("cursor.columns.public.orders", " changed_at , id ");
        props.put("primary.key.public.orders", "order_id");
        props.put("table.filter.sales.leads", " tenant_id = 7 ");
        PostgresSourceConfig config = new PostgresSourceConfig(props);

        TableSettings orders = config.settings(Split.table("public", "orders"));
        assertThat(orders.mode()).isEqualTo(SyncMode.INCREMENTAL);
        assertThat(orders.cursorColumns()).containsExactly("changed_at", "id");
        assertThat(orders.primaryKey()).containsExactly("order_id");
        assertThat(orders.filter()).as("not overridden: the connector's filter").isEqualTo("deleted_at IS NULL");
        assertThat(orders.keyOf("cursor.columns")).isEqualTo("cursor.columns.public.orders");
        assertThat(orders.keyOf("table.filter")).isEqualTo("table.filter");

        TableSettings leads = config.settings("sales.leads");
        assertThat(leads.mode()).isEqualTo(SyncMode.FULL_REFRESH);
        assertThat(leads.filter()).isEqualTo("tenant_id = 7");
        assertThat(leads.keyOf("table.filter")).isEqualTo("table.filter.sales.leads");

        TableSettings other = config.settings(Split.table("public", "customers"));
        assertThat(other).isEqualTo(config.defaults().of("public.customers"));
        assertThat(other.keyOf("sync.mode")).isEqualTo("sync.mode");
        assertThat(other.ownKey("sync.mode")).as("the key to give it its own").isEqualTo("sync.mode.public.customers");
        assertThat(config.settings(Split.query("q", "SELECT 1"))).isEqualTo(config.defaults());
        assertThat(config.tablesWithSettings()).containsExactly("public.orders", "sales.leads");
    }

    @Test
    void everythingAfterTheKeysDotIsTheTableNameDotsIncluded() {
        Map<String, String> props = base();
        props.put("sync.mode.public.orders.v2", "incremental");
        props.put("sync.mode.public.orders", "full_refresh");
        PostgresSourceConfig config = new PostgresSourceConfig(props);
        assertThat(config.settings(Split.table("public", "orders.v2")).mode()).isEqualTo(SyncMode.INCREMENTAL);
        assertThat(config.settings(Split.table("public", "orders")).mode()).isEqualTo(SyncMode.FULL_REFRESH);
        assertThat(config.settings(Split.table("public", "orders")).keyOf("sync.mode"))
                .isEqualTo("sync.mode.public.orders");
    }

    @Test
    void anEmptyOverrideClearsTheConnectorsValueForThatTable() {
        Map<String, String> props = base();
        props.put("primary.key", "id");
        props.put("primary.key.public.audit", "");
        props.put("table.filter.public.audit", "");
        TableSettings audit = new PostgresSourceConfig(props).settings("public.audit");
        assertThat(audit.primaryKey()).as("the table's own primary key").isEmpty();
        assertThat(audit.filter()).isEmpty();
    }

    @Test
    void theSeedSpecNamesWorkAsPrefixesButNotTogetherWithOurs() {
        Map<String, String> props = base();
        props.put("sync_mode.public.orders", "incremental");
        props.put("cursor_field.public.orders", "id");
        props.put("primary_key.public.orders", "order_id");
        TableSettings orders = new PostgresSourceConfig(props).settings("public.orders");
        assertThat(orders.mode()).isEqualTo(SyncMode.INCREMENTAL);
        assertThat(orders.cursorColumns()).containsExactly("id");
        assertThat(orders.primaryKey()).containsExactly("order_id");
        assertThat(orders.keyOf("cursor.columns")).as("errors go to the name as the configuration spells it")
                .isEqualTo("cursor_field.public.orders");

        props.put("cursor.columns.public.orders", "updated_at");
        assertThat(PostgresSourceValidation.crossField(props)).extracting(PostgresSourceValidation.Issue::key)
                .containsExactly("cursor.columns.public.orders", "cursor_field.public.orders");
        assertThat(PostgresSourceValidation.crossField(props)).allSatisfy(issue -> assertThat(issue.message())
                .contains("'cursor.columns.public.orders'").contains("'cursor_field.public.orders'"));
    }

    @Test
    void anErrorOfAnAliasSpelledKeyIsAttachedToTheNameAsTyped() {
        Map<String, String> props = base();
        props.put("sync_mode.public.orders", "cdc");
        props.put("sync_from.public.customers", "2024-01-01");
        props.put("primary_key.crm.orders", "id");
        assertThat(issueKeys(props)).containsExactlyInAnyOrder("sync_mode.public.orders",
                "sync_from.public.customers", "primary_key.crm.orders");
        assertThatThrownBy(() -> new PostgresSourceConfig(Map.of("connection.url", "jdbc:postgresql://db/shop",
                "sync_mode.public.orders", "cdc"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("sync_mode.public.orders");
    }

    @Test
    void anUnknownModeIsAnErrorOnItsKeyAndTheConfigRefusesIt() {
        Map<String, String> props = base();
        props.put("sync.mode.public.orders", "cdc");
        assertThat(PostgresSourceValidation.crossField(props)).singleElement().satisfies(issue -> {
            assertThat(issue.key()).isEqualTo("sync.mode.public.orders");
            assertThat(issue.message()).contains("full_refresh, incremental").contains("'cdc'");
        });
        assertThatThrownBy(() -> new PostgresSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("sync.mode.public.orders: must be one of");
    }

    @Test
    void anOverrideOfATableTheSelectionNeverMatchesIsAnError() {
        Map<String, String> props = base();
        props.put("table.include.list", "public\\.orders.*,sales\\..*");
        props.put("table.exclude.list", "sales\\.archive");
        props.put("sync.mode.public.orders_eu", "full_refresh");
        props.put("sync.mode.public.customers", "full_refresh");
        props.put("primary.key.sales.archive", "id");
        props.put("table.filter.crm.orders", "true");
        props.put("cursor.columns.orders", "id");
        assertThat(issueKeys(props)).containsExactlyInAnyOrder("sync.mode.public.customers",
                "primary.key.sales.archive", "table.filter.crm.orders", "cursor.columns.orders");
        assertThat(PostgresSourceValidation.crossField(props)).filteredOn(i -> i.key().equals("cursor.columns.orders"))
                .singleElement().extracting(PostgresSourceValidation.Issue::message).asString()
                .contains("names table 'orders', which the selection never matches")
                .contains("schema.include.list [public, sales]").contains("cursor.columns.public.orders");
    }

    @Test
    void anIncrementalTableNeedsCursorColumnsFromItsOwnKeyOrTheConnectors() {
        Map<String, String> props = base();
        props.remove("cursor.columns");
        props.put("sync.mode.public.orders", "incremental");
        assertThat(PostgresSourceValidation.crossField(props)).singleElement().satisfies(issue -> {
            assertThat(issue.key()).isEqualTo("sync.mode.public.orders");
            assertThat(issue.message()).contains("set cursor.columns.public.orders");
        });
        props.put("cursor.columns.public.orders", "id");
        assertThat(PostgresSourceValidation.crossField(props)).isEmpty();

        Map<String, String> inherited = base();
        inherited.put("sync.mode", "incremental");
        inherited.put("cursor.columns.public.orders", " ");
        assertThat(issueKeys(inherited)).containsExactly("cursor.columns.public.orders");
        inherited.remove("cursor.columns.public.orders");
        inherited.put("sync.mode.public.orders", "incremental");
        assertThat(issueKeys(inherited)).as("the connector's cursor columns serve the table").isEmpty();
    }

    @Test
    void aCustomQueryTakesNoPerTableSettings() {
        Map<String, String> props = base();
        props.put("query", "SELECT id, updated_at FROM orders");
        props.put("primary.key", "id");
        props.put("sync.mode.public.orders", "incremental");
        props.put("table.filter.public.orders", "true");
        assertThat(PostgresSourceValidation.crossField(props)).extracting(PostgresSourceValidation.Issue::key)
                .containsExactly("sync.mode.public.orders", "table.filter.public.orders");
        assertThat(PostgresSourceValidation.crossField(props).get(0).message())
                .contains("do not apply to a custom query");
    }

    @Test
    void aTablesFilterMayNotHoldASecondStatement() {
        Map<String, String> props = base();
        props.put("table.filter.public.orders", "true); DELETE FROM orders; SELECT (1");
        assertThat(issueKeys(props)).containsExactly("table.filter.public.orders");
    }

    @Test
    void syncFromIsAcceptedWhenOnlySomeTablesAreIncremental() {
        Map<String, String> props = base();
        props.put("sync.from", "2024-01-01");
        assertThat(issueKeys(props)).containsExactly("sync.from");
        props.put("sync.mode.public.orders", "incremental");
        assertThat(issueKeys(props)).isEmpty();
    }

    @Test
    void overridesAreFoundOnlyUnderThePerTableKeysAndWithATableName() {
        Map<String, String> props = base();
        props.put("sync.mode.", "incremental");
        props.put("table.columns.public.orders", "id");
        props.put("cursor.columns.public.orders", "id");
        props.put("sync_from.public.orders", "5");
        assertThat(TableOverrides.find(props)).containsExactly(
                new TableOverrides.Setting("public.orders", "cursor.columns", "cursor.columns.public.orders", "id"),
                new TableOverrides.Setting("public.orders", "sync.from", "sync_from.public.orders", "5"));
    }

    @Test
    void aNameThatLooksLikeAPerTableKeyButIsNoneIsAnErrorOnThatName() {
        Map<String, String> props = base();
        props.put("sync.mode.public.orders", "incremental");
        props.put("table.columns.public.orders", "id");
        props.put("batch.size.public.orders", "10");
        props.put("query.public.orders", "SELECT 1");
        props.put("sync.mode.", "incremental");
        props.put("cursor_field.", "id");
        props.put("query.name", "q");
        props.put("schema", "public");
        List<PostgresSourceValidation.Issue> issues = PostgresSourceValidation.crossField(props);
        assertThat(issues).extracting(PostgresSourceValidation.Issue::key).containsExactly("batch.size.public.orders",
                "cursor_field.", "query.public.orders", "sync.mode.", "table.columns.public.orders");
        assertThat(issues.get(0).message()).contains("is not a key of this connector")
                .contains("batch.size is one setting for the whole connector")
                .contains("sync.mode, cursor.columns, primary.key, table.filter, sync.from");
        assertThat(issues.get(3).message()).contains("names no table").contains("sync.mode.public.orders");
        assertThatThrownBy(() -> new PostgresSourceConfig(Map.of("connection.url", "jdbc:postgresql://db/shop",
                "table.columns.public.orders", "id"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("table.columns.public.orders: is not a key of this connector");
    }

    @Test
    void eachTableMayStartItsFirstSyncFromItsOwnValue() {
        Map<String, String> props = base();
        props.put("sync.mode", "incremental");
        props.put("sync.from", "2024-01-01");
        props.put("cursor.columns.public.events", "id");
        props.put("sync.from.public.events", " 1000 ");
        props.put("sync.from.public.audit", "");
        PostgresSourceConfig config = new PostgresSourceConfig(props);
        assertThat(config.settings("public.events").syncFrom()).isEqualTo("1000");
        assertThat(config.settings("public.events").keyOf("sync.from")).isEqualTo("sync.from.public.events");
        assertThat(config.settings("public.audit").syncFrom()).as("empty: from the first row").isEmpty();
        assertThat(config.settings("public.orders").syncFrom()).isEqualTo("2024-01-01");
        assertThat(config.settings("public.orders").keyOf("sync.from")).isEqualTo("sync.from");
    }

    @Test
    void aTablesOwnSyncFromIsAnErrorWhenTheTableIsReadByFullRefresh() {
        Map<String, String> props = base();
        props.put("sync.from.public.orders", "5");
        assertThat(PostgresSourceValidation.crossField(props)).singleElement().satisfies(issue -> {
            assertThat(issue.key()).isEqualTo("sync.from.public.orders");
            assertThat(issue.message()).contains("table public.orders is read by full refresh (sync.mode)")
                    .contains("sync.mode.public.orders=incremental");
        });
        props.put("sync.mode.public.orders", "incremental");
        assertThat(issueKeys(props)).isEmpty();
    }

    @Test
    void anEmptyModeIsAnErrorRatherThanTheConnectorsMode() {
        Map<String, String> props = base();
        props.put("sync.mode.public.orders", "");
        assertThat(PostgresSourceValidation.crossField(props)).singleElement().satisfies(issue -> {
            assertThat(issue.key()).isEqualTo("sync.mode.public.orders");
            assertThat(issue.message()).contains("must be one of").contains("remove sync.mode.public.orders");
        });
    }

    @Test
    void anEmptyCursorOverrideOfAnIncrementalTableSaysToRemoveItOrNameColumns() {
        Map<String, String> props = base();
        props.put("sync.mode", "incremental");
        props.put("cursor.columns.public.orders", "");
        assertThat(PostgresSourceValidation.crossField(props)).singleElement().satisfies(issue -> {
            assertThat(issue.key()).isEqualTo("cursor.columns.public.orders");
            assertThat(issue.message()).contains("is empty").contains("name them")
                    .contains("remove cursor.columns.public.orders for the table to take cursor.columns");
        });
    }
}

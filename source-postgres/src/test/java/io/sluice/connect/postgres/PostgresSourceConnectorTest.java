package io.sluice.connect.postgres;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresSourceConnectorTest {

    private final PostgresSourceConnector connector = new PostgresSourceConnector();

    private static Map<Map<String, ?>, Map<String, ?>> one(Map<String, ?> partition, Map<String, ?> offset) {
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(partition, offset);
        return offsets;
    }

    private static final Map<String, String> INCREMENTAL = Map.of("connection.url", "jdbc:postgresql://db/shop",
            "sync.mode", "incremental", "cursor.columns", "updated_at");
    private static final Map<String, String> FULL_REFRESH = Map.of("connection.url", "jdbc:postgresql://db/shop");

    @Test
    void resetsAndMovesOfATablesCursorAreAccepted() {
        assertThat(connector.alterOffsets(INCREMENTAL, one(Map.of("table", "public.orders"), null))).isTrue();
        assertThat(connector.alterOffsets(INCREMENTAL, one(Map.of("table", "public.orders"),
                Map.of("v", 1, "mode", "incremental", "cursor", "2024-06-01 00:00:00+00")))).isTrue();
        assertThat(connector.alterOffsets(FULL_REFRESH, one(Map.of("table", "public.big", "range", "[null,[\"5\"]]"),
                Map.of("v", 1, "mode", "full_refresh", "run", 0, "done", true)))).isTrue();
    }

    @Test
    void malformedPartitionsAndOffsetsAreRefusedWithTheShapeToUse() {
        assertThatThrownBy(() -> connector.alterOffsets(INCREMENTAL, one(Map.of("path", "/x"), null)))
                .isInstanceOf(ConnectException.class).hasMessageContaining("{\"table\": \"schema.table\"}");
        assertThatThrownBy(() -> connector.alterOffsets(INCREMENTAL, one(Map.of("table", "public.orders"),
                Map.of("v", 1, "mode", "incremental"))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("'cursor'")
                .hasMessageContaining("\"cursor\": \"<value>\", \"key\": \"<value>\"");
    }

    @Test
    void anOffsetOfTheOtherModeOrAnUnreadableRangeIsRefused() {
        assertThatThrownBy(() -> connector.alterOffsets(FULL_REFRESH, one(Map.of("table", "public.orders"),
                Map.of("v", 1, "mode", "incremental", "cursor", "5"))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("mode 'incremental' is not the sync mode of the partition, 'full_refresh' "
                        + "(sync.mode)");
        assertThatThrownBy(() -> connector.alterOffsets(FULL_REFRESH, one(Map.of("table", "public.big", "range",
                "1000-2000"), Map.of("v", 1, "mode", "full_refresh", "run", 0, "done", true))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("'range' must be a JSON array");
    }

    @Test
    void anOffsetMustBeInTheModeOfItsOwnTable() {
        Map<String, String> mixed = new HashMap<>(FULL_REFRESH);
        mixed.put("sync.mode.public.orders", "incremental");
        mixed.put("cursor.columns.public.orders", "updated_at");
        Map<String, Object> incremental = Map.of("v", 1, "mode", "incremental", "cursor", "5");
        Map<String, Object> fullRefresh = Map.of("v", 1, "mode", "full_refresh", "run", 0, "done", true);
        assertThat(connector.alterOffsets(mixed, one(Map.of("table", "public.orders"), incremental))).isTrue();
        assertThat(connector.alterOffsets(mixed, one(Map.of("table", "public.customers"), fullRefresh))).isTrue();
        assertThatThrownBy(() -> connector.alterOffsets(mixed, one(Map.of("table", "public.orders"), fullRefresh)))
                .isInstanceOf(ConnectException.class).hasMessageContaining(
                        "mode 'full_refresh' is not the sync mode of the partition, 'incremental' "
                                + "(sync.mode.public.orders)");
        assertThatThrownBy(() -> connector.alterOffsets(mixed, one(Map.of("table", "public.customers"),
                incremental))).isInstanceOf(ConnectException.class).hasMessageContaining("'full_refresh' (sync.mode)");
    }

    @Test
    void anOffsetForOtherCursorOrKeyColumnsIsRefused() {
        Map<String, String> config = new HashMap<>(INCREMENTAL);
        config.put("cursor.columns.public.events", "created_at,seq");
        config.put("primary.key.public.events", "id");
        assertThatThrownBy(() -> connector.alterOffsets(config, one(Map.of("table", "public.events"),
                Map.of("v", 2, "mode", "incremental", "cursor", "5", "key", "1"))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("it holds 1 cursor and 1 key values, not 2 for cursor columns [created_at, seq]")
                .hasMessageContaining("(cursor.columns.public.events, primary.key.public.events)");
        assertThatThrownBy(() -> connector.alterOffsets(config, one(Map.of("table", "public.orders"),
                Map.of("v", 2, "mode", "incremental", "cursor.column", "seq", "cursor", "5"))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("written for cursor columns [seq] and key columns [], not [updated_at]");
        assertThat(connector.alterOffsets(config, one(Map.of("table", "public.events"), Map.of("v", 2, "mode",
                "incremental", "cursor.column", "created_at", "cursor.column.1", "seq", "key.column", "id",
                "cursor", "2024-06-01", "cursor.1", "7", "key", "3")))).isTrue();
        assertThat(connector.alterOffsets(config, one(Map.of("table", "public.orders"),
                Map.of("v", 1, "mode", "incremental", "cursor", "5", "key", "1")))).as("its key: not known here")
                .isTrue();
    }

    @Test
    void exactlyOnceIsSupported() {
        assertThat(connector.exactlyOnceSupport(Map.of())).isEqualTo(ExactlyOnceSupport.SUPPORTED);
        assertThat(connector.config().names()).contains("sync.mode", "cursor.columns", "connection.url");
    }
}

package io.sluice.connect.postgres;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SplitShapeTest {

    private static final SplitShape INCREMENTAL = new SplitShape(Split.table("public", "orders"), "tenant = 7",
            List.of(), List.of("updated_at"), List.of("id"), false, List.of("timestamptz", "int8"));

    @Test
    void pageSelectsPositionsAsTextFiltersAndOrdersByCursorThenKey() {
        String sql = INCREMENTAL.page(List.of("(\"updated_at\", \"id\") > " + INCREMENTAL.orderParams()), true);
        assertThat(sql).isEqualTo("SELECT *, \"updated_at\"::text AS \"__sluice_c0\", \"id\"::text AS "
                + "\"__sluice_k0\" FROM \"public\".\"orders\" WHERE (tenant = 7) AND \"updated_at\" IS NOT NULL AND "
                + "\"id\" IS NOT NULL AND (\"updated_at\", \"id\") > (CAST(? AS timestamptz), CAST(? AS int8)) "
                + "ORDER BY \"updated_at\", \"id\" LIMIT ?");
    }

    @Test
    void newestPositionAliasesTextColumnsSoTheOrderIsTheColumnsOwn() {
        assertThat(INCREMENTAL.newestPosition()).contains("SELECT \"updated_at\"::text AS \"__sluice_p0\", "
                        + "\"id\"::text AS \"__sluice_p1\" FROM \"public\".\"orders\"")
                .contains("ORDER BY \"updated_at\" DESC, \"id\" DESC LIMIT 1")
                .contains("pg_snapshot_xmin(pg_current_snapshot())")
                .contains("pg_snapshot_xip(pg_current_snapshot())");
    }

    @Test
    void tableWithoutKeyIsPagedByPhysicalAddressInFullRefresh() {
        SplitShape shape = new SplitShape(Split.table("public", "log"), "", List.of("msg"), List.of(),
                List.of("ctid"), true, List.of("tid"));
        assertThat(shape.page(List.of("(\"ctid\") > " + shape.keyParams()), false)).isEqualTo(
                "SELECT \"msg\", \"ctid\"::text AS \"__sluice_k0\" FROM \"public\".\"log\" WHERE TRUE AND "
                        + "(\"ctid\") > (CAST(? AS tid)) ORDER BY \"ctid\"");
    }
}

package io.sluice.connect.jdbc;

import io.sluice.connect.jdbc.it.Backend;

/** {@link AbstractJdbcSinkIT} against PostgreSQL: writes go through COPY and a staging table. */
class PostgresSinkIT extends AbstractJdbcSinkIT {

    private static final Backend POSTGRES = Backend.postgres();

    @Override
    Backend backend() {
        return POSTGRES;
    }

    @Override
    String prefix() {
        return "jdbcsink-pg";
    }

    @Override
    String schemalessTableDdl(String table) {
        return "CREATE TABLE " + POSTGRES.quote(table) + " (id BIGINT PRIMARY KEY, name TEXT, created TIMESTAMPTZ, "
                + "payload JSONB, amount NUMERIC(10,2), ref UUID)";
    }

    @Override
    String poisonTableDdl(String table) {
        return "CREATE TABLE " + POSTGRES.quote(table) + " (id BIGINT PRIMARY KEY, qty INTEGER NOT NULL, "
                + "code VARCHAR(5))";
    }
}

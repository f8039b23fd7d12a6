package io.sluice.connect.jdbc;

import io.sluice.connect.jdbc.it.Backend;

/** {@link AbstractJdbcSinkIT} against MariaDB: multi-row INSERT ... ON DUPLICATE KEY UPDATE. */
class MariaDbSinkIT extends AbstractJdbcSinkIT {

    private static final Backend MARIADB = Backend.mariadb();

    @Override
    Backend backend() {
        return MARIADB;
    }

    @Override
    String prefix() {
        return "jdbcsink-maria";
    }

    @Override
    String schemalessTableDdl(String table) {
        return "CREATE TABLE " + MARIADB.quote(table) + " (id BIGINT PRIMARY KEY, name VARCHAR(100), "
                + "created DATETIME(6), payload JSON, amount DECIMAL(10,2), ref CHAR(36))";
    }

    @Override
    String poisonTableDdl(String table) {
        return "CREATE TABLE " + MARIADB.quote(table) + " (id BIGINT PRIMARY KEY, qty INTEGER NOT NULL, "
                + "code VARCHAR(5))";
    }
}

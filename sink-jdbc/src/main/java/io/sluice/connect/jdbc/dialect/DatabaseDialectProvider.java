package io.sluice.connect.jdbc.dialect;

/**
 * A source of one {@link DatabaseDialect}, found with {@link java.util.ServiceLoader}: each implementation is listed
 * in {@code META-INF/services/io.sluice.connect.jdbc.dialect.DatabaseDialectProvider}, so a new database needs a
 * provider and a small dialect class, and no change here.
 */
public interface DatabaseDialectProvider {

    /**
     * How well this dialect fits a JDBC URL; the provider with the highest score wins.
     *
     * @param jdbcUrl the connection URL, e.g. {@code jdbc:postgresql://db/shop}
     * @return 0 when the dialect cannot serve the URL; higher for a better match
     */
    int score(String jdbcUrl);

    /** @return a new dialect */
    DatabaseDialect create();
}

package io.sluice.connect.jdbc.dialect;

/**
 * Standard SQL for databases without a dialect of their own: insert and update, no upsert (there is no portable
 * one-statement upsert), DDL with standard types.
 */
public final class GenericDialect extends DatabaseDialect {

    /** A generic dialect with standard SQL types. */
    public GenericDialect() {
        super(SqlTypes.ANSI);
    }

    @Override
    public String name() {
        return "generic";
    }

    @Override
    public boolean supportsUpsert() {
        return false;
    }

    @Override
    protected boolean supportsAddColumnIfNotExists() {
        return false;
    }

    /** Scores 1 for any URL, so that it only wins when no other provider knows the URL. */
    public static final class Provider implements DatabaseDialectProvider {
        @Override
        public int score(String jdbcUrl) {
            return 1;
        }

        @Override
        public DatabaseDialect create() {
            return new GenericDialect();
        }
    }
}

package io.sluice.connect.jdbc.dialect;

import java.util.ServiceLoader;

/** Picks the dialect for a JDBC URL among the providers on the classpath, falling back to {@link GenericDialect}. */
public final class DatabaseDialects {

    private DatabaseDialects() {
    }

    /**
     * @param jdbcUrl the connection URL
     * @return the best-scoring dialect, or the generic one when no provider knows the URL
     */
    public static DatabaseDialect forUrl(String jdbcUrl) {
        DatabaseDialectProvider best = null;
        int bestScore = 0;
        // the plugin's own class loader: the worker's context class loader does not see the plugin's services
        for (DatabaseDialectProvider provider : ServiceLoader.load(DatabaseDialectProvider.class,
                DatabaseDialects.class.getClassLoader())) {
            int score = provider.score(jdbcUrl);
            if (score > bestScore) {
                best = provider;
                bestScore = score;
            }
        }
        return best == null ? new GenericDialect() : best.create();
    }

    /** @return whether {@code jdbcUrl} starts with {@code jdbc:<scheme>:}, ignoring case */
    static boolean hasScheme(String jdbcUrl, String scheme) {
        return jdbcUrl != null && jdbcUrl.regionMatches(true, 0, "jdbc:" + scheme + ":", 0, scheme.length() + 6);
    }
}

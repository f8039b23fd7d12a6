package io.sluice.connect.jdbc;

import io.sluice.connect.common.config.ConfigDocs;
import io.sluice.testkit.ReadmeReference;
import org.junit.jupiter.api.Test;

import java.io.IOException;

/**
 * The README's configuration reference is generated from the ConfigDef. Run with {@code -Dsluice.docs.update=true} to
 * rewrite it after changing a key.
 */
class ReadmeReferenceTest {

    @Test
    void readmeListsEveryOptionAsTheConfigDefDefinesIt() throws IOException {
        String generated = ConfigDocs.markdown("JDBC sink connector configuration", JdbcSinkConfig.CONFIG_DEF,
                JdbcSinkConfig.ALIASES);
        ReadmeReference.assertUpToDate("sink-jdbc", generated, JdbcSinkConfig.CONFIG_DEF.names());
    }
}

package io.sluice.connect.postgres;

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
        String generated = ConfigDocs.markdown("PostgreSQL source connector configuration", PostgresSourceConfig.CONFIG_DEF,
                PostgresSourceConfig.ALIASES);
        ReadmeReference.assertUpToDate("source-postgres", generated, PostgresSourceConfig.CONFIG_DEF.names());
    }
}

package io.sluice.connect.csv;

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
        String generated = ConfigDocs.markdown("CSV source connector configuration", CsvSourceConfig.CONFIG_DEF,
                CsvSourceConfig.ALIASES);
        ReadmeReference.assertUpToDate("source-csv", generated, CsvSourceConfig.CONFIG_DEF.names());
    }
}

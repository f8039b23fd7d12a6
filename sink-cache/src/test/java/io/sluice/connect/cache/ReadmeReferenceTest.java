package io.sluice.connect.cache;

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
        String generated = ConfigDocs.markdown("Redis cache sink connector configuration", RedisCacheSinkConfig.CONFIG_DEF,
                RedisCacheSinkConfig.ALIASES);
        ReadmeReference.assertUpToDate("sink-cache", generated, RedisCacheSinkConfig.CONFIG_DEF.names());
    }
}

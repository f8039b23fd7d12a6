package io.sluice.connect.redis;

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
        String generated = ConfigDocs.markdown("Redis Streams source connector configuration", RedisStreamSourceConfig.CONFIG_DEF,
                RedisStreamSourceConfig.ALIASES);
        ReadmeReference.assertUpToDate("source-redis", generated, RedisStreamSourceConfig.CONFIG_DEF.names());
    }
}

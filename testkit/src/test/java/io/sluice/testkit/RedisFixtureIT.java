package io.sluice.testkit;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedisFixtureIT {

    @Test
    void answersAndSupportsStreams() {
        RedisFixture redis = RedisFixture.get();
        String key = "sluice:testkit:selftest:" + ProcessHandle.current().pid();

        try (Jedis jedis = redis.jedis()) {
            jedis.del(key);
            jedis.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("n", "1"));
            jedis.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("n", "2"));
            assertThat(jedis.xlen(key)).isEqualTo(2);
            jedis.setex(key + ":ttl", 60, "v");
            assertThat(jedis.ttl(key + ":ttl")).isBetween(1L, 60L);
            jedis.del(key, key + ":ttl");
            assertThat(jedis.exists(key)).isFalse();
        }
        assertThat(redis.uri()).isEqualTo("redis://" + redis.host() + ":" + redis.port() + "/" + redis.database());
    }
}

package io.sluice.connect.redis;

import io.sluice.connect.common.errors.ErrorKind;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

import static org.assertj.core.api.Assertions.assertThat;

class RedisErrorsTest {

    @Test
    void aLostConnectionOrALoadingServerIsRetried() {
        assertThat(RedisErrors.classify(new JedisConnectionException("Unexpected end of stream.")))
                .isEqualTo(ErrorKind.TRANSIENT);
        assertThat(RedisErrors.classify(new JedisDataException("LOADING Redis is loading the dataset in memory")))
                .isEqualTo(ErrorKind.TRANSIENT);
    }

    @Test
    void onlyTheExactErrorCodeCountsSoBusygroupAndBusykeyAreNotRetried() {
        assertThat(RedisErrors.classify(new JedisDataException("BUSY Redis is busy running a script")))
                .isEqualTo(ErrorKind.TRANSIENT);
        assertThat(RedisErrors.classify(new JedisDataException("BUSYGROUP Consumer Group name already exists")))
                .isNotEqualTo(ErrorKind.TRANSIENT);
        assertThat(RedisErrors.classify(new JedisDataException("BUSYKEY Target key name already exists.")))
                .isNotEqualTo(ErrorKind.TRANSIENT);
        assertThat(RedisErrors.classify(new JedisDataException("LOADINGX not a real code")))
                .isNotEqualTo(ErrorKind.TRANSIENT);
        assertThat(RedisErrors.firstWord(new JedisDataException("NOGROUP No such key"))).isEqualTo("NOGROUP");
    }

    @Test
    void badCredentialsAndUnknownRepliesFailAtOnce() {
        JedisAccessControlException wrongPass = new JedisAccessControlException("WRONGPASS invalid username-password");
        assertThat(RedisErrors.classify(wrongPass)).isEqualTo(ErrorKind.PERMANENT);
        assertThat(RedisErrors.classify(new JedisConnectionException("connect", wrongPass)))
                .isEqualTo(ErrorKind.PERMANENT);
        assertThat(RedisErrors.classify(new JedisDataException("NOAUTH Authentication required.")))
                .isEqualTo(ErrorKind.PERMANENT);
        assertThat(RedisErrors.classify(new JedisDataException("WRONGTYPE Operation against a key")))
                .isEqualTo(ErrorKind.PERMANENT);
        assertThat(RedisErrors.isAuthFailure(new JedisConnectionException("x", wrongPass))).isTrue();
        assertThat(RedisErrors.isAuthFailure(new JedisConnectionException("refused"))).isFalse();
    }
}

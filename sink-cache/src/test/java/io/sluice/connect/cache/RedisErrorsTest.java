package io.sluice.connect.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connect.common.errors.ErrorKind;
import java.net.SocketException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

class RedisErrorsTest {

    @Test
    void lostConnectionsAndNotNowRepliesAreTransient() {
        assertThat(RedisErrors.classify(new JedisConnectionException(new SocketException("Connection reset"))))
                .isEqualTo(ErrorKind.TRANSIENT);
        assertThat(RedisErrors.classify(new JedisConnectionException("Unexpected end of stream.")))
                .isEqualTo(ErrorKind.TRANSIENT);
        assertThat(RedisErrors.classify(new JedisDataException("LOADING Redis is loading the dataset in memory")))
                .isEqualTo(ErrorKind.TRANSIENT);
        assertThat(RedisErrors.classify(new JedisBusyException("BUSY Redis is busy running a script")))
                .isEqualTo(ErrorKind.TRANSIENT);
        assertThat(RedisErrors.classify(new RedisErrors.TransientReplyException(3,
                new JedisDataException("TRYAGAIN")))).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(RedisErrors.isTransientReply(new JedisDataException("OOM command not allowed"))).isTrue();
    }

    @Test
    void credentialsAndWrongCommandsArePermanent() {
        assertThat(RedisErrors.classify(new JedisAccessControlException("WRONGPASS invalid username-password")))
                .isEqualTo(ErrorKind.PERMANENT);
        assertThat(RedisErrors.classify(new JedisDataException("NOAUTH Authentication required.")))
                .isEqualTo(ErrorKind.PERMANENT);
        assertThat(RedisErrors.classify(new JedisDataException("WRONGTYPE Operation against a key holding the wrong "
                + "kind of value"))).isEqualTo(ErrorKind.PERMANENT);
        assertThat(RedisErrors.isTransientReply(new JedisDataException("WRONGTYPE Operation"))).isFalse();
    }
}

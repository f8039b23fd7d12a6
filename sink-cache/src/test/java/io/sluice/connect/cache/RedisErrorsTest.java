package io.sluice.connect.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connect.common.errors.ErrorKind;
import java.net.SocketException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisAskDataException;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisMovedDataException;

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

    @Test
    void snapshotAndReplicaRefusalsAreTransient() {
        assertThat(RedisErrors.isTransientReply(new JedisDataException("MISCONF Redis is configured to save RDB "
                + "snapshots, but it's currently unable to persist to disk"))).isTrue();
        assertThat(RedisErrors.isTransientReply(new JedisDataException("NOREPLICAS Not enough good replicas to "
                + "write."))).isTrue();
    }

    @Test
    void aDemotedOrLoadingServerIsReachedAgainOnANewConnection() {
        assertThat(RedisErrors.needsNewConnection(new JedisDataException("READONLY You can't write against a read "
                + "only replica."))).isTrue();
        assertThat(RedisErrors.needsNewConnection(new JedisDataException("MASTERDOWN Link with MASTER is down")))
                .isTrue();
        assertThat(RedisErrors.needsNewConnection(new JedisDataException("LOADING Redis is loading"))).isTrue();
        assertThat(RedisErrors.needsNewConnection(new JedisDataException("OOM command not allowed"))).isFalse();
    }

    @Test
    void permissionCredentialAndClusterRepliesRefuseTheWholeTaskNotTheRecord() {
        assertThat(RedisErrors.serverRefusal(new JedisAccessControlException("NOPERM this user has no permissions "
                + "to run the 'set' command"), "redis://cache:6379"))
                .hasMessageContaining("redis://cache:6379").hasMessageContaining("ACL SETUSER");
        assertThat(RedisErrors.serverRefusal(new JedisDataException("NOAUTH Authentication required."), "r"))
                .hasMessageContaining("redis.password");
        assertThat(RedisErrors.serverRefusal(new JedisMovedDataException("MOVED 3999 10.0.0.2:6379",
                new HostAndPort("10.0.0.2", 6379), 3999), "r")).hasMessageContaining("Redis Cluster");
        assertThat(RedisErrors.serverRefusal(new JedisAskDataException("ASK 3999 10.0.0.2:6379",
                new HostAndPort("10.0.0.2", 6379), 3999), "r")).hasMessageContaining("Redis Cluster");
        assertThat(RedisErrors.serverRefusal(new JedisDataException("CROSSSLOT Keys in request don't hash to the "
                + "same slot"), "r")).hasMessageContaining("Redis Cluster");
        assertThat(RedisErrors.classify(RedisErrors.serverRefusal(new JedisDataException("MOVED 1 h:1"), "r")))
                .isEqualTo(ErrorKind.PERMANENT);
        assertThat(RedisErrors.serverRefusal(new JedisDataException("WRONGTYPE Operation against a key"), "r"))
                .as("a refusal of one command concerns its record").isNull();
    }

    @Test
    void replyCodeIsTheFirstWordInUpperCase() {
        assertThat(RedisErrors.replyCode(new JedisDataException(" noperm no permissions"))).isEqualTo("NOPERM");
        assertThat(RedisErrors.replyCode(new JedisDataException((String) null))).isEmpty();
    }
}

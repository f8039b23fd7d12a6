package io.sluice.connect.cache;

import io.sluice.connect.common.errors.ErrorClassifier;
import io.sluice.connect.common.errors.ErrorKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisRedirectionException;

/**
 * Sorts Redis failures into three kinds.
 * <ul>
 *   <li>Worth retrying: a lost connection, and the error replies a server gives while it cannot serve yet
 *       ({@code LOADING} after a restart, {@code BUSY} during a long script, {@code TRYAGAIN}, {@code MASTERDOWN},
 *       {@code READONLY} on a demoted primary, {@code MISCONF} while snapshots fail, {@code NOREPLICAS},
 *       {@code OOM} until keys expire or are evicted). After {@code READONLY}, {@code MASTERDOWN} or
 *       {@code LOADING} the connection is opened again, so that a failover's new primary is reached.</li>
 *   <li>Refusals of the whole server, which fail the task: authentication and permission errors
 *       ({@code NOAUTH}, {@code WRONGPASS}, {@code NOPERM}), and cluster redirections ({@code MOVED}, {@code ASK},
 *       {@code CROSSSLOT}), since the sink writes to one standalone server or primary. Such a reply says nothing
 *       about the record, so it never sends records to the dead-letter queue.</li>
 *   <li>Any other error reply concerns the one command that caused it: its record is bad.</li>
 * </ul>
 */
final class RedisErrors {

    private static final List<String> TRANSIENT_REPLIES =
            List.of("LOADING", "BUSY", "TRYAGAIN", "MASTERDOWN", "CLUSTERDOWN", "OOM", "READONLY", "MISCONF",
                    "NOREPLICAS");
    private static final List<String> RECONNECT_REPLIES = List.of("READONLY", "MASTERDOWN", "LOADING");
    private static final List<String> PERMANENT_REPLIES = List.of("NOAUTH", "WRONGPASS", "NOPERM");
    private static final List<String> CLUSTER_REPLIES = List.of("MOVED", "ASK", "CROSSSLOT");

    private RedisErrors() {
    }

    /**
     * @param failure a failure, possibly wrapped
     * @return its kind, with Jedis's exceptions recognised
     */
    static ErrorKind classify(Throwable failure) {
        return ErrorClassifier.classify(failure, RedisErrors::rule);
    }

    /**
     * @param failure an error reply to one command
     * @return whether it says the server cannot serve for now, rather than that the command is wrong
     */
    static boolean isTransientReply(JedisDataException failure) {
        return TRANSIENT_REPLIES.contains(replyCode(failure));
    }

    /**
     * @param failure a transient error reply
     * @return whether the connection should be opened again before the next attempt: the server it reaches is a
     *         replica now, has lost its primary, or is loading, and a failover may have moved the primary
     */
    static boolean needsNewConnection(JedisDataException failure) {
        return RECONNECT_REPLIES.contains(replyCode(failure));
    }

    /**
     * @param failure  an error reply to one command of a batch
     * @param endpoint the server, for the message
     * @return a failure of the whole task when the reply refuses every command alike (credentials, permissions, a
     *         cluster redirection); null when it concerns the one command
     */
    static ServerRefusalException serverRefusal(JedisDataException failure, Object endpoint) {
        String code = replyCode(failure);
        if (failure instanceof JedisAccessControlException || PERMANENT_REPLIES.contains(code)) {
            return new ServerRefusalException("Redis at " + endpoint + " refused a write (" + failure.getMessage()
                    + "): check redis.user and redis.password, and grant the user +set +hset +del +pexpire and, for "
                    + "newer-wins, +evalsha +script|load +get (e.g. ACL SETUSER <user> +@write +@scripting +get)",
                    failure);
        }
        if (failure instanceof JedisRedirectionException || CLUSTER_REPLIES.contains(code)) {
            return new ServerRefusalException("Redis at " + endpoint + " answered '" + failure.getMessage()
                    + "': it is a Redis Cluster node, and this sink writes to one standalone server or primary; "
                    + "point redis.uri at such a server", failure);
        }
        return null;
    }

    /**
     * @param failure an error reply
     * @return its error code, the reply's first word in upper case ({@code NOPERM}, {@code LOADING}, ...)
     */
    static String replyCode(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().trim();
        int space = message.indexOf(' ');
        return (space < 0 ? message : message.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    private static Optional<ErrorKind> rule(Throwable t) {
        if (t instanceof JedisAccessControlException || t instanceof ServerRefusalException) {
            return Optional.of(ErrorKind.PERMANENT);
        }
        if (t instanceof JedisConnectionException || t instanceof TransientReplyException) {
            return Optional.of(ErrorKind.TRANSIENT);
        }
        if (t instanceof JedisDataException data) {
            String word = replyCode(data);
            if (PERMANENT_REPLIES.contains(word)) {
                return Optional.of(ErrorKind.PERMANENT);
            }
            if (TRANSIENT_REPLIES.contains(word)) {
                return Optional.of(ErrorKind.TRANSIENT);
            }
        }
        if (t instanceof redis.clients.jedis.exceptions.JedisException
                && String.valueOf(t.getMessage()).contains("Could not get a resource")) {
            return Optional.of(ErrorKind.TRANSIENT);
        }
        return Optional.empty();
    }

    /** Some commands of a batch got an error reply that says "not now"; they are tried again. */
    static final class TransientReplyException extends Exception {

        private static final long serialVersionUID = 1L;

        TransientReplyException(int commands, Throwable example) {
            super(commands + " command(s) were refused for now: " + example.getMessage(), example);
        }
    }

    /** An error reply that refuses every write alike: the task fails rather than blame the record. */
    static final class ServerRefusalException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ServerRefusalException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

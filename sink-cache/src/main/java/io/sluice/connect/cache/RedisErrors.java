package io.sluice.connect.cache;

import io.sluice.connect.common.errors.ErrorClassifier;
import io.sluice.connect.common.errors.ErrorKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Which Redis failures are worth retrying: a lost connection, and the error replies a server gives while it cannot
 * serve yet ({@code LOADING} after a restart, {@code BUSY} during a long script, {@code TRYAGAIN},
 * {@code MASTERDOWN}, {@code OOM} until keys expire or are evicted). Authentication and permission errors are
 * permanent; any other error reply concerns the one command that caused it.
 */
final class RedisErrors {

    private static final List<String> TRANSIENT_REPLIES =
            List.of("LOADING", "BUSY", "TRYAGAIN", "MASTERDOWN", "CLUSTERDOWN", "OOM", "READONLY");
    private static final List<String> PERMANENT_REPLIES = List.of("NOAUTH", "WRONGPASS", "NOPERM");

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
        return TRANSIENT_REPLIES.contains(firstWord(failure));
    }

    private static Optional<ErrorKind> rule(Throwable t) {
        if (t instanceof JedisAccessControlException) {
            return Optional.of(ErrorKind.PERMANENT);
        }
        if (t instanceof JedisConnectionException || t instanceof TransientReplyException) {
            return Optional.of(ErrorKind.TRANSIENT);
        }
        if (t instanceof JedisDataException data) {
            String word = firstWord(data);
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

    private static String firstWord(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().trim();
        int space = message.indexOf(' ');
        return (space < 0 ? message : message.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    /** Some commands of a batch got an error reply that says "not now"; they are tried again. */
    static final class TransientReplyException extends Exception {

        private static final long serialVersionUID = 1L;

        TransientReplyException(int commands, Throwable example) {
            super(commands + " command(s) were refused for now: " + example.getMessage(), example);
        }
    }
}

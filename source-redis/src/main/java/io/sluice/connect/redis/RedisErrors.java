package io.sluice.connect.redis;

import io.sluice.connect.common.errors.ErrorClassifier;
import io.sluice.connect.common.errors.ErrorKind;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Classifies Jedis failures for retries: a lost connection or a server still loading passes; bad auth does not. */
final class RedisErrors {

    private static final List<String> TRANSIENT_REPLIES = List.of("LOADING", "BUSY", "TRYAGAIN", "MASTERDOWN",
            "CLUSTERDOWN", "READONLY");
    private static final List<String> PERMANENT_REPLIES = List.of("NOAUTH", "WRONGPASS", "NOPERM");

    private RedisErrors() {
    }

    /**
     * @param failure a failure, possibly wrapped
     * @return whether retrying may help
     */
    static ErrorKind classify(Throwable failure) {
        return ErrorClassifier.classify(failure, RedisErrors::rule);
    }

    private static Optional<ErrorKind> rule(Throwable t) {
        if (t instanceof JedisAccessControlException) {
            return Optional.of(ErrorKind.PERMANENT);
        }
        if (t instanceof JedisConnectionException) {
            return Optional.of(ErrorKind.TRANSIENT);
        }
        if (t instanceof JedisDataException) {
            // the error code is the reply's first word: BUSY (a script runs) must not match BUSYGROUP or BUSYKEY
            String code = firstWord(t);
            if (PERMANENT_REPLIES.contains(code)) {
                return Optional.of(ErrorKind.PERMANENT);
            }
            if (TRANSIENT_REPLIES.contains(code)) {
                return Optional.of(ErrorKind.TRANSIENT);
            }
        }
        return Optional.empty();
    }

    /**
     * @param failure a failure, typically an error reply
     * @return the first word of its message in upper case (a Redis error code such as {@code NOGROUP}); empty for
     *         none
     */
    static String firstWord(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().trim();
        int space = message.indexOf(' ');
        return (space < 0 ? message : message.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    /**
     * @param failure a failure of a command or connection
     * @return whether it is an authentication failure (wrong user or password, or none given)
     */
    static boolean isAuthFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JedisAccessControlException) {
                return true;
            }
            String code = firstWord(t);
            if (code.equals("NOAUTH") || code.equals("WRONGPASS")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}

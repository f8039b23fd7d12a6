package io.sluice.connect.common.errors;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigException;

/**
 * Decides whether a failure is worth retrying.
 *
 * <p>The whole cause chain is examined (and, for {@link SQLException}s, the next-exception chain, where JDBC
 * drivers put the real error of a batch). A permanent signal anywhere in the chain wins over a transient one:
 * retrying an authentication failure ten times only delays the error and may lock the account. A failure with no
 * known signal is permanent, so that an unexpected error surfaces instead of looping.
 *
 * <p>Transient: {@link SQLTransientException}, {@link SQLRecoverableException}, SQLState classes {@code 08}
 * (connection), {@code 40} (transaction rollback, deadlock), {@code 53} (insufficient resources) and
 * {@code 57P01}-{@code 57P03} (server shutting down or starting), {@link SocketException} (including
 * {@link java.net.ConnectException}), {@link SocketTimeoutException}, an {@link IOException} saying
 * "Connection reset" or "Broken pipe", and Connect's and Kafka's {@code RetriableException}.
 *
 * <p>Permanent: {@link SQLInvalidAuthorizationSpecException}, SQLState classes {@code 28} (authorization) and
 * {@code 42} (syntax, missing object, insufficient privilege), {@link ConfigException}, and authentication or
 * authorization failures, recognised by class name ({@code *Authentication*}, {@code *Authorization*},
 * {@code *AccessControl*}, {@code *AccessDenied*}) so that drivers this module does not depend on are covered.
 */
public final class ErrorClassifier {

    private static final int MAX_DEPTH = 64;
    private static final List<String> PERMANENT_NAME_PARTS =
            List.of("Authentication", "Authorization", "AccessControl", "AccessDenied");
    private static final List<String> TRANSIENT_IO_MESSAGES = List.of("connection reset", "broken pipe");

    private ErrorClassifier() {
    }

    /**
     * @param failure the failure, possibly wrapped
     * @return its kind; {@link ErrorKind#PERMANENT} when nothing in the chain is recognised
     */
    public static ErrorKind classify(Throwable failure) {
        return classify(failure, t -> Optional.empty());
    }

    /**
     * Classifies with connector-specific rules first, e.g. a Redis module recognising its client's exceptions.
     *
     * @param failure the failure, possibly wrapped
     * @param rules   consulted for each throwable in the chain before the built-in rules; an empty result
     *                defers to them
     * @return its kind; a permanent signal anywhere in the chain wins
     */
    public static ErrorKind classify(Throwable failure, Function<Throwable, Optional<ErrorKind>> rules) {
        boolean transientSeen = false;
        for (Throwable t : chain(failure)) {
            Optional<ErrorKind> kind = rules.apply(t).or(() -> builtIn(t));
            if (kind.isPresent()) {
                if (kind.get() == ErrorKind.PERMANENT) {
                    return ErrorKind.PERMANENT;
                }
                transientSeen = true;
            }
        }
        return transientSeen ? ErrorKind.TRANSIENT : ErrorKind.PERMANENT;
    }

    /** The failure, its causes and any SQL next-exceptions, each once, bounded against pathological chains. */
    static List<Throwable> chain(Throwable failure) {
        List<Throwable> result = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty() && result.size() < MAX_DEPTH) {
            Throwable t = pending.removeFirst();
            if (!seen.add(t)) {
                continue;
            }
            result.add(t);
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
        }
        return result;
    }

    private static Optional<ErrorKind> builtIn(Throwable t) {
        if (isPermanent(t)) {
            return Optional.of(ErrorKind.PERMANENT);
        }
        if (isTransient(t)) {
            return Optional.of(ErrorKind.TRANSIENT);
        }
        return Optional.empty();
    }

    private static boolean isPermanent(Throwable t) {
        if (t instanceof SQLInvalidAuthorizationSpecException || t instanceof ConfigException) {
            return true;
        }
        String state = sqlState(t);
        if (state.startsWith("28") || state.startsWith("42")) {
            return true;
        }
        String name = t.getClass().getSimpleName();
        return PERMANENT_NAME_PARTS.stream().anyMatch(name::contains);
    }

    private static boolean isTransient(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof SocketException || t instanceof SocketTimeoutException
                || t instanceof org.apache.kafka.connect.errors.RetriableException
                || t instanceof org.apache.kafka.common.errors.RetriableException) {
            return true;
        }
        String state = sqlState(t);
        if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return true;
        }
        if (t instanceof IOException && t.getMessage() != null) {
            String message = t.getMessage().toLowerCase(Locale.ROOT);
            return TRANSIENT_IO_MESSAGES.stream().anyMatch(message::contains);
        }
        return false;
    }

    private static String sqlState(Throwable t) {
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            return sql.getSQLState().toUpperCase(Locale.ROOT);
        }
        return "";
    }
}

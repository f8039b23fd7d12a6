package io.sluice.connect.common.errors;

import static io.sluice.connect.common.errors.ErrorKind.PERMANENT;
import static io.sluice.connect.common.errors.ErrorKind.TRANSIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorClassifierTest {

    @Test
    void transientJdbcExceptions() {
        assertThat(ErrorClassifier.classify(new SQLTransientConnectionException("gone"))).isEqualTo(TRANSIENT);
        assertThat(ErrorClassifier.classify(new SQLTimeoutException("slow"))).isEqualTo(TRANSIENT);
        assertThat(ErrorClassifier.classify(new SQLTransactionRollbackException("deadlock"))).isEqualTo(TRANSIENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "40001", "40P01", "53300", "57P01", "57P02", "57P03"})
    void transientSqlStates(String state) {
        assertThat(ErrorClassifier.classify(new SQLException("x", state))).isEqualTo(TRANSIENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"28P01", "28000", "42P01", "42501", "42601"})
    void permanentSqlStates(String state) {
        assertThat(ErrorClassifier.classify(new SQLException("x", state))).isEqualTo(PERMANENT);
    }

    @Test
    void otherSqlStatesAreUnknownAndSoPermanent() {
        assertThat(ErrorClassifier.classify(new SQLException("duplicate key", "23505"))).isEqualTo(PERMANENT);
        assertThat(ErrorClassifier.classify(new SQLException("no state"))).isEqualTo(PERMANENT);
        assertThat(ErrorClassifier.classify(new SQLException("admin", "57014"))).isEqualTo(PERMANENT);
    }

    @Test
    void networkFailuresAreTransient() {
        assertThat(ErrorClassifier.classify(new SocketException("Connection reset"))).isEqualTo(TRANSIENT);
        assertThat(ErrorClassifier.classify(new SocketTimeoutException("Read timed out"))).isEqualTo(TRANSIENT);
        assertThat(ErrorClassifier.classify(new ConnectException("Connection refused"))).isEqualTo(TRANSIENT);
        assertThat(ErrorClassifier.classify(new IOException("Connection reset by peer"))).isEqualTo(TRANSIENT);
        assertThat(ErrorClassifier.classify(new IOException("Broken pipe"))).isEqualTo(TRANSIENT);
        assertThat(ErrorClassifier.classify(new RetriableException("later"))).isEqualTo(TRANSIENT);
        assertThat(ErrorClassifier.classify(new org.apache.kafka.common.errors.TimeoutException("t")))
                .isEqualTo(TRANSIENT);
    }

    @Test
    void authAndConfigFailuresArePermanent() {
        assertThat(ErrorClassifier.classify(new SQLInvalidAuthorizationSpecException("bad password")))
                .isEqualTo(PERMANENT);
        assertThat(ErrorClassifier.classify(new ConfigException("k", "v", "bad"))).isEqualTo(PERMANENT);
        assertThat(ErrorClassifier.classify(new org.apache.kafka.common.errors.AuthenticationException("no")))
                .isEqualTo(PERMANENT);
        assertThat(ErrorClassifier.classify(new JedisAccessControlException("WRONGPASS"))).isEqualTo(PERMANENT);
        assertThat(ErrorClassifier.classify(new AccessDeniedException("/data/x.csv"))).isEqualTo(PERMANENT);
    }

    @Test
    void unknownFailuresArePermanent() {
        assertThat(ErrorClassifier.classify(new IllegalStateException("bug"))).isEqualTo(PERMANENT);
        assertThat(ErrorClassifier.classify(new EOFException())).isEqualTo(PERMANENT);
        assertThat(ErrorClassifier.classify(new IOException((String) null))).isEqualTo(PERMANENT);
        assertThat(ErrorClassifier.classify(null)).isEqualTo(PERMANENT);
    }

    @Test
    void walksTheCauseChain() {
        Exception wrapped = new org.apache.kafka.connect.errors.ConnectException("poll failed",
                new UncheckedIOException(new SocketException("Connection reset")));
        assertThat(ErrorClassifier.classify(wrapped)).isEqualTo(TRANSIENT);
    }

    @Test
    void walksTheSqlNextExceptionChain() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", new int[0]);
        batch.setNextException(new SQLException("terminating connection", "57P01"));
        assertThat(ErrorClassifier.classify(batch)).isEqualTo(TRANSIENT);
    }

    @Test
    void aPermanentSignalAnywhereWins() {
        Exception authBehindNetwork = new SQLException("connection failed", "08004",
                new SQLInvalidAuthorizationSpecException("password authentication failed", "28P01"));
        assertThat(ErrorClassifier.classify(authBehindNetwork)).isEqualTo(PERMANENT);

        Exception retriableWrappingAuth = new RetriableException("x", new SQLException("denied", "42501"));
        assertThat(ErrorClassifier.classify(retriableWrappingAuth)).isEqualTo(PERMANENT);
    }

    @Test
    void survivesCyclicCauses() {
        CyclicException a = new CyclicException("a");
        CyclicException b = new CyclicException("b");
        a.initCause(b);
        b.initCause(a);
        assertThat(ErrorClassifier.classify(a)).isEqualTo(PERMANENT);
        assertThat(ErrorClassifier.chain(a)).containsExactly(a, b);
    }

    @Test
    void customRulesComeFirst() {
        Exception throttled = new IllegalStateException("SlowDown");
        assertThat(ErrorClassifier.classify(throttled,
                t -> "SlowDown".equals(t.getMessage()) ? Optional.of(TRANSIENT) : Optional.empty()))
                .isEqualTo(TRANSIENT);
        assertThat(ErrorClassifier.classify(new SocketException("reset"), t -> Optional.of(PERMANENT)))
                .isEqualTo(PERMANENT);
        assertThat(ErrorClassifier.classify(new SocketException("reset"), t -> Optional.empty()))
                .isEqualTo(TRANSIENT);
    }

    /** Stands in for a driver's exception that this module cannot depend on. */
    private static final class JedisAccessControlException extends RuntimeException {
        JedisAccessControlException(String message) {
            super(message);
        }
    }

    private static final class CyclicException extends RuntimeException {
        CyclicException(String message) {
            super(message);
        }
    }
}

package io.sluice.connect.common.errors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an operation, retrying transient failures per a {@link RetryPolicy}.
 *
 * <p>When the attempts are used up the failure surfaces as Connect's {@link RetriableException}, so the worker
 * may retry the whole poll/put under {@code errors.retry.timeout}; a permanent failure surfaces at once as a
 * {@link ConnectException}. Clock and sleeper are injected so that tests run without real waiting.
 */
public final class Retrier {

    private static final Logger log = LoggerFactory.getLogger(Retrier.class);

    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Function<Throwable, ErrorKind> classifier;

    /**
     * A retrier classifying failures with {@link ErrorClassifier#classify(Throwable)}.
     *
     * @param policy  how often and how long to retry
     * @param clock   measures the time spent, for messages
     * @param sleeper waits between attempts
     * @param random  jitter source
     */
    public Retrier(RetryPolicy policy, Clock clock, Sleeper sleeper, RandomGenerator random) {
        this(policy, clock, sleeper, random, ErrorClassifier::classify);
    }

    /**
     * @param policy     how often and how long to retry
     * @param clock      measures the time spent, for messages
     * @param sleeper    waits between attempts
     * @param random     jitter source
     * @param classifier decides which failures are retried
     */
    public Retrier(RetryPolicy policy, Clock clock, Sleeper sleeper, RandomGenerator random,
                   Function<Throwable, ErrorKind> classifier) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    /** @return the policy this retrier follows */
    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Calls {@code action} until it succeeds, fails permanently, or the attempts are used up.
     *
     * @param what   what the action does, for messages, e.g. {@code "query table public.orders"}
     * @param action the operation
     * @param <T>    its result type
     * @return the action's result
     * @throws RetriableException naming {@code what}, the attempts and the cause, when transient failures used up
     *                            every attempt
     * @throws ConnectException   naming {@code what} and the cause, at the first permanent failure or when the
     *                            thread is interrupted
     */
    public <T> T call(String what, Callable<T> action) {
        Instant start = clock.instant();
        for (int attempt = 1; ; attempt++) {
            try {
                return action.call();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("Interrupted while trying to " + what, e);
            } catch (Exception e) {
                if (classifier.apply(e) == ErrorKind.PERMANENT) {
                    throw new ConnectException("Failed to " + what + ": " + describe(e), e);
                }
                if (attempt >= policy.maxAttempts()) {
                    Duration spent = Duration.between(start, clock.instant());
                    throw new RetriableException("Failed to " + what + " after " + attempt + " attempt"
                            + (attempt == 1 ? "" : "s") + " over " + spent.toMillis() + " ms: " + describe(e), e);
                }
                waitBeforeRetry(what, attempt, e);
            }
        }
    }

    /**
     * Like {@link #call}, for an action without a result.
     *
     * @param what   what the action does, for messages
     * @param action the operation
     */
    public void run(String what, Action action) {
        call(what, () -> {
            action.run();
            return null;
        });
    }

    private void waitBeforeRetry(String what, int attempt, Exception failure) {
        Duration backoff = policy.backoff(attempt, random);
        log.warn("Failed to {} (attempt {} of {}), retrying in {} ms: {}", what, attempt, policy.maxAttempts(),
                backoff.toMillis(), describe(failure));
        try {
            sleeper.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ConnectException interrupted = new ConnectException("Interrupted while waiting to retry " + what, e);
            interrupted.addSuppressed(failure);
            throw interrupted;
        }
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getName() + (message == null ? "" : ": " + message);
    }

    /** An operation without a result. */
    @FunctionalInterface
    public interface Action {
        /**
         * Performs the operation.
         *
         * @throws Exception on failure, classified to decide on a retry
         */
        void run() throws Exception;
    }
}

package io.sluice.connect.common.errors;

import io.sluice.connect.common.config.ConfigFragment;
import io.sluice.connect.common.config.ValidationResults;
import io.sluice.connect.common.config.Validators;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The retry keys shared by every connector that talks to a server. */
public final class RetryPolicyConfig implements ConfigFragment {

    /** Default group of the retry keys in the config reference. */
    public static final String GROUP = "Retry";

    /** Total attempts of an operation that fails transiently, including the first; 1 disables retries. */
    public static final String RETRY_MAX_ATTEMPTS = "retry.max.attempts";
    public static final String RETRY_MAX_ATTEMPTS_DOC = "How many times an operation that fails with a transient "
            + "error (connection lost, server restarting, deadlock, throttling) is attempted, including the first "
            + "attempt, before the task fails with a retriable error. 1 disables retries.";
    public static final int RETRY_MAX_ATTEMPTS_DEFAULT = RetryPolicy.DEFAULT_MAX_ATTEMPTS;

    /** Wait after the first failed attempt; doubled after each further failure. */
    public static final String RETRY_BACKOFF_INITIAL_MS = "retry.backoff.initial.ms";
    public static final String RETRY_BACKOFF_INITIAL_MS_DOC = "Milliseconds to wait after the first failed "
            + "attempt. The wait doubles after each further failure, up to retry.backoff.max.ms, and is shortened "
            + "by a random fraction of up to " + (int) (RetryPolicy.DEFAULT_JITTER * 100) + "% so that "
            + "tasks do not retry in lockstep.";
    public static final long RETRY_BACKOFF_INITIAL_MS_DEFAULT = RetryPolicy.DEFAULT_INITIAL_BACKOFF.toMillis();

    /** Longest wait between two attempts. */
    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    public static final String RETRY_BACKOFF_MAX_MS_DOC = "The longest wait between two attempts, in milliseconds. "
            + "Must not be below retry.backoff.initial.ms.";
    public static final long RETRY_BACKOFF_MAX_MS_DEFAULT = RetryPolicy.DEFAULT_MAX_BACKOFF.toMillis();

    private final String group;

    /** Defines the keys in the {@value #GROUP} group. */
    public RetryPolicyConfig() {
        this(GROUP);
    }

    /** @param group the group to show the keys under */
    public RetryPolicyConfig(String group) {
        this.group = group;
    }

    @Override
    public void define(ConfigDef def) {
        int order = 0;
        def.define(RETRY_MAX_ATTEMPTS, ConfigDef.Type.INT, RETRY_MAX_ATTEMPTS_DEFAULT, Validators.positive(),
                        ConfigDef.Importance.LOW, RETRY_MAX_ATTEMPTS_DOC, group, ++order, ConfigDef.Width.SHORT,
                        "Retry attempts")
                .define(RETRY_BACKOFF_INITIAL_MS, ConfigDef.Type.LONG, RETRY_BACKOFF_INITIAL_MS_DEFAULT,
                        Validators.nonNegative(), ConfigDef.Importance.LOW, RETRY_BACKOFF_INITIAL_MS_DOC, group,
                        ++order, ConfigDef.Width.SHORT, "Initial retry backoff (ms)")
                .define(RETRY_BACKOFF_MAX_MS, ConfigDef.Type.LONG, RETRY_BACKOFF_MAX_MS_DEFAULT,
                        Validators.nonNegative(), ConfigDef.Importance.LOW, RETRY_BACKOFF_MAX_MS_DOC, group,
                        ++order, ConfigDef.Width.SHORT, "Maximum retry backoff (ms)");
    }

    /**
     * @param config a parsed config whose definition includes this fragment
     * @return the configured policy, with the default jitter
     * @throws ConfigException if the maximum backoff is below the initial backoff
     */
    public static RetryPolicy policy(AbstractConfig config) {
        long initialMs = config.getLong(RETRY_BACKOFF_INITIAL_MS);
        long maxMs = config.getLong(RETRY_BACKOFF_MAX_MS);
        if (maxMs < initialMs) {
            throw new ConfigException(RETRY_BACKOFF_MAX_MS, maxMs, backoffOrderMessage(initialMs));
        }
        return RetryPolicy.builder()
                .maxAttempts(config.getInt(RETRY_MAX_ATTEMPTS))
                .initialBackoff(Duration.ofMillis(initialMs))
                .maxBackoff(Duration.ofMillis(maxMs))
                .build();
    }

    /**
     * Cross-field check for {@code Connector.validate()}: the maximum backoff must not be below the initial one.
     * Values that do not parse are left to the {@code ConfigDef}'s own validation.
     *
     * @param props  the configuration, aliases already applied
     * @param result the validation result to attach the error to
     */
    public static void validate(Map<String, String> props, Config result) {
        try {
            long initialMs = parse(props, RETRY_BACKOFF_INITIAL_MS, RETRY_BACKOFF_INITIAL_MS_DEFAULT);
            long maxMs = parse(props, RETRY_BACKOFF_MAX_MS, RETRY_BACKOFF_MAX_MS_DEFAULT);
            if (maxMs < initialMs) {
                ValidationResults.addError(result, RETRY_BACKOFF_MAX_MS, backoffOrderMessage(initialMs));
            }
        } catch (NumberFormatException reportedByConfigDef) {
            // the per-key validation already names the unparsable value
        }
    }

    private static long parse(Map<String, String> props, String key, long defaultValue) {
        String value = props.get(key);
        return value == null || value.isBlank() ? defaultValue : Long.parseLong(value.trim());
    }

    private static String backoffOrderMessage(long initialMs) {
        return "must be at least " + RETRY_BACKOFF_INITIAL_MS + " (" + initialMs + "); raise it or lower "
                + RETRY_BACKOFF_INITIAL_MS;
    }
}

package io.sluice.connect.common.errors;

import io.sluice.connect.common.config.ConfigFragment;
import io.sluice.connect.common.config.Validators;
import java.time.Clock;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/** The rate-limit key shared by every connector. */
public final class RateLimitConfig implements ConfigFragment {

    /** Default group of the rate-limit key in the config reference. */
    public static final String GROUP = "Rate limiting";

    /** Records per second each task may handle; 0 means unlimited. */
    public static final String RATE_LIMIT_RECORDS_PER_SECOND = "rate.limit.records.per.second";
    public static final String RATE_LIMIT_RECORDS_PER_SECOND_DOC = "The most records per second each task reads "
            + "(sources) or writes (sinks), to protect the system on the other side. Short bursts of up to one "
            + "second's worth of records are allowed. 0 means unlimited.";
    public static final double RATE_LIMIT_RECORDS_PER_SECOND_DEFAULT = 0;

    private final String group;

    /** Defines the key in the {@value #GROUP} group. */
    public RateLimitConfig() {
        this(GROUP);
    }

    /** @param group the group to show the key under */
    public RateLimitConfig(String group) {
        this.group = group;
    }

    @Override
    public void define(ConfigDef def) {
        def.define(RATE_LIMIT_RECORDS_PER_SECOND, ConfigDef.Type.DOUBLE, RATE_LIMIT_RECORDS_PER_SECOND_DEFAULT,
                Validators.nonNegative(), ConfigDef.Importance.LOW, RATE_LIMIT_RECORDS_PER_SECOND_DOC, group, 1,
                ConfigDef.Width.SHORT, "Rate limit (records/s)");
    }

    /**
     * @param config a parsed config whose definition includes this fragment
     * @return the configured rate; 0 means unlimited
     */
    public static double recordsPerSecond(AbstractConfig config) {
        return config.getDouble(RATE_LIMIT_RECORDS_PER_SECOND);
    }

    /**
     * @param config a parsed config whose definition includes this fragment
     * @param clock  the time source
     * @return a limiter at the configured rate with a burst of one second's worth of records (at least one)
     */
    public static TokenBucket tokenBucket(AbstractConfig config, Clock clock) {
        double rate = recordsPerSecond(config);
        return new TokenBucket(rate, Math.max(1, (long) Math.ceil(rate)), clock);
    }
}

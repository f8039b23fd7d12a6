package io.sluice.connect.common.config;

import org.apache.kafka.common.config.ConfigDef;

/**
 * A reusable group of configuration keys (retry, rate limit, bad-record handling, ...) that a connector's
 * {@link ConfigDef} is assembled from.
 *
 * <p>A fragment only declares keys; reading the parsed values is up to the fragment's own typed accessors, so
 * that connector configs compose fragments instead of inheriting from a deep base class.
 */
public interface ConfigFragment {

    /**
     * Adds this fragment's keys to {@code def}.
     *
     * @param def the definition being assembled; keys must not already be defined in it
     */
    void define(ConfigDef def);
}

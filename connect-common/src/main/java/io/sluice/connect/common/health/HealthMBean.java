package io.sluice.connect.common.health;

/**
 * The management interface of a registered health check, named
 * {@code io.sluice.connect:type=health,connector=<quoted connector name>}.
 *
 * <p>Only {@code String} attributes are exposed, so that a reader in another plugin's classloader (the REST
 * extension) needs none of this module's classes to read them.
 */
public interface HealthMBean {

    /** @return the result of running the check now, as {@link HealthReport#toJson()} */
    String getHealthJson();

    /** @return identifies this registration, so that closing an old one never removes its replacement */
    String getInstanceId();
}

package io.sluice.connect.common.health;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes connectors' health checks as platform MBeans, where the worker-level
 * {@link SluiceHealthRestExtension} (loaded by a different plugin classloader) and any JMX client can read them.
 *
 * <pre>{@code
 * healthRegistration = HealthRegistry.register(connectorName, this::checkHealth);   // start()
 * healthRegistration.close();                                                       // stop()
 * }</pre>
 */
public final class HealthRegistry {

    /** The JMX domain of Sluice's MBeans. */
    public static final String DOMAIN = "io.sluice.connect";
    /** The attribute holding the report JSON. */
    public static final String HEALTH_JSON_ATTRIBUTE = "HealthJson";

    private static final String INSTANCE_ID_ATTRIBUTE = "InstanceId";
    private static final Logger log = LoggerFactory.getLogger(HealthRegistry.class);

    private HealthRegistry() {
    }

    /**
     * Registers {@code check} as the health of {@code connectorName}, replacing an earlier registration of the same
     * name (a restarted connector registers before its old instance is closed).
     *
     * @param connectorName the connector's name
     * @param check         the check, run on every read
     * @return a registration whose {@code close()} removes the MBean unless it has been replaced since; when JMX
     *         refuses the registration, a warning is logged and the returned registration does nothing
     */
    public static Registration register(String connectorName, HealthCheck check) {
        Objects.requireNonNull(check, "check");
        ObjectName name = objectName(connectorName);
        String instanceId = UUID.randomUUID().toString();
        MBeanServer server = server();
        try {
            StandardMBean mbean = new StandardMBean(new Health(check, instanceId), HealthMBean.class, false);
            synchronized (HealthRegistry.class) {
                unregisterQuietly(server, name);
                server.registerMBean(mbean, name);
            }
        } catch (InstanceAlreadyExistsException e) {
            // another plugin's copy of this class registered the same connector between our two calls
            log.warn("Health of connector '{}' is already registered as {}; this instance is not published",
                    connectorName, name);
            return () -> { };
        } catch (JMException e) {
            log.warn("Cannot publish the health of connector '{}' as {}; it is not available over REST",
                    connectorName, name, e);
            return () -> { };
        }
        return () -> unregisterIfOwn(server, name, instanceId);
    }

    /**
     * @param connectorName a connector's name, with any characters
     * @return the name of its health MBean
     */
    public static ObjectName objectName(String connectorName) {
        Objects.requireNonNull(connectorName, "connectorName");
        try {
            return new ObjectName(DOMAIN + ":type=health,connector=" + ObjectName.quote(connectorName));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("Connector name cannot be used in an MBean name: " + connectorName, e);
        }
    }

    /**
     * Runs every registered check.
     *
     * @return each registered connector's report JSON, by connector name
     */
    public static Map<String, String> readAll() {
        MBeanServer server = server();
        Map<String, String> result = new TreeMap<>();
        for (ObjectName name : server.queryNames(pattern(), null)) {
            String connector = ObjectName.unquote(name.getKeyProperty("connector"));
            read(server, name, connector).ifPresent(json -> result.put(connector, json));
        }
        return result;
    }

    /**
     * Runs one connector's check.
     *
     * @param connectorName the connector's name
     * @return its report JSON, or empty when no check is registered for it
     */
    public static Optional<String> read(String connectorName) {
        return read(server(), objectName(connectorName), connectorName);
    }

    private static Optional<String> read(MBeanServer server, ObjectName name, String connector) {
        try {
            return Optional.of((String) server.getAttribute(name, HEALTH_JSON_ATTRIBUTE));
        } catch (InstanceNotFoundException e) {
            return Optional.empty();
        } catch (JMException | RuntimeException e) {
            log.warn("Cannot read the health of connector '{}' from {}", connector, name, e);
            String error = "cannot read the health check: " + e;
            return Optional.of(HealthReport.unhealthy(false, 0, Instant.now(), List.of(), error).toJson());
        }
    }

    private static void unregisterIfOwn(MBeanServer server, ObjectName name, String instanceId) {
        synchronized (HealthRegistry.class) {
            try {
                if (instanceId.equals(server.getAttribute(name, INSTANCE_ID_ATTRIBUTE))) {
                    server.unregisterMBean(name);
                }
            } catch (InstanceNotFoundException alreadyGone) {
                // closed twice, or removed by a JMX client: nothing left to do
            } catch (JMException e) {
                log.warn("Cannot remove the health MBean {}", name, e);
            }
        }
    }

    private static void unregisterQuietly(MBeanServer server, ObjectName name) throws JMException {
        try {
            server.unregisterMBean(name);
            log.info("Replaced the earlier health registration {}", name);
        } catch (InstanceNotFoundException notRegistered) {
            // the usual case
        }
    }

    private static ObjectName pattern() {
        try {
            return new ObjectName(DOMAIN + ":type=health,*");
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MBeanServer server() {
        return ManagementFactory.getPlatformMBeanServer();
    }

    /** A health registration; closing it is idempotent and never throws. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Health implements HealthMBean {

        private final HealthCheck check;
        private final String instanceId;

        Health(HealthCheck check, String instanceId) {
            this.check = check;
            this.instanceId = instanceId;
        }

        @Override
        public String getHealthJson() {
            try {
                return check.check().toJson();
            } catch (RuntimeException e) {
                // a check must not throw, but one that does is reported rather than breaking the REST response
                String error = "health check failed: " + e;
                return HealthReport.unhealthy(false, 0, Instant.now(), List.of(), error).toJson();
            }
        }

        @Override
        public String getInstanceId() {
            return instanceId;
        }
    }
}

package io.sluice.connect.redis.it;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * A task's plugin metrics as a JMX client sees them: the in-process workers publish them on this JVM's platform MBean
 * server, under names tagged with the connector and the task.
 */
public final class TaskMetrics {

    private TaskMetrics() {
    }

    /** The value of {@code metric} of task {@code task} of {@code connector}, or null when it is not published. */
    public static Object get(String connector, int task, String metric) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName name : server.queryNames(null, null)) {
            if (connector.equals(name.getKeyProperty("connector"))
                    && Integer.toString(task).equals(name.getKeyProperty("task"))) {
                try {
                    return server.getAttribute(name, metric);
                } catch (JMException | RuntimeException notThisOne) {
                    // another MBean of the task, e.g. Connect's own task metrics
                }
            }
        }
        return null;
    }

    /** Whether the metric is published and, read as a number, equals {@code expected}. */
    public static boolean equals(String connector, int task, String metric, long expected) {
        return get(connector, task, metric) instanceof Number n && n.longValue() == expected;
    }
}

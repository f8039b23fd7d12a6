package io.sluice.connect.csv;

import org.apache.kafka.common.config.ConfigException;

import java.util.HashMap;
import java.util.Map;

/**
 * Which files a task reads. Every task scans every input directory and reads exactly the files whose absolute path
 * hashes to its index:
 * <pre>{@code Math.floorMod(path.hashCode(), taskCount) == taskIndex}</pre>
 * {@link String#hashCode()} is specified by the Java language, so the owner of a path is the same on every worker,
 * JVM and restart, and files arriving later need no rebalance. Example with 3 tasks:
 * {@code /data/in/orders-2024-01.csv} hashes to 665825042, and 665825042 mod 3 = 2, so task 2 reads it;
 * {@code /data/in/orders-2024-02.csv} hashes to 666748563 (mod 3 = 0): task 0; {@code /data/in/orders-2024-03.csv}
 * hashes to 667672084 (mod 3 = 1): task 1.
 *
 * <p>Changing {@code tasks.max} changes owners; that is safe because offsets belong to the file, not to the task:
 * the new owner resumes at the committed offset.
 *
 * @param index this task's index, 0-based
 * @param count the number of tasks
 */
record TaskAssignment(int index, int count) {

    /** Internal task config key holding the task's index. */
    static final String TASK_INDEX_CONFIG = "task.index";
    /** Internal task config key holding the number of tasks. */
    static final String TASK_COUNT_CONFIG = "task.count";

    TaskAssignment {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("Invalid task assignment: index " + index + " of " + count + " tasks");
        }
    }

    /**
     * @param absolutePath a file's absolute, normalized path as a string
     * @return whether this task reads the file
     */
    boolean owns(String absolutePath) {
        return count == 1 || Math.floorMod(absolutePath.hashCode(), count) == index;
    }

    /**
     * @param connectorProps the connector's configuration
     * @return a task's configuration: the connector's plus this assignment
     */
    Map<String, String> toTaskProps(Map<String, String> connectorProps) {
        Map<String, String> props = new HashMap<>(connectorProps);
        props.put(TASK_INDEX_CONFIG, Integer.toString(index));
        props.put(TASK_COUNT_CONFIG, Integer.toString(count));
        return props;
    }

    /**
     * @param taskProps a task's configuration
     * @return its assignment; a single task when the keys are absent
     * @throws ConfigException when the keys hold no valid assignment
     */
    static TaskAssignment fromTaskProps(Map<String, String> taskProps) {
        String index = taskProps.get(TASK_INDEX_CONFIG);
        String count = taskProps.get(TASK_COUNT_CONFIG);
        if (index == null && count == null) {
            return new TaskAssignment(0, 1);
        }
        try {
            return new TaskAssignment(Integer.parseInt(String.valueOf(index).trim()),
                    Integer.parseInt(String.valueOf(count).trim()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid internal task keys " + TASK_INDEX_CONFIG + "=" + index + ", "
                    + TASK_COUNT_CONFIG + "=" + count + ": restart the connector so that it assigns its tasks again");
        }
    }
}

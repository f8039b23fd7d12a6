package io.sluice.connect.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.config.ConfigException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The streams one task reads, carried in its config under internal keys.
 *
 * <p><b>Offset mode</b>: each stream is read by exactly one task. The streams are sorted and dealt round-robin to
 * {@code min(tasks.max, streams)} tasks: with streams {@code [a, b, c]} and {@code tasks.max=2}, task 0 reads
 * {@code [a, c]} and task 1 reads {@code [b]}. With no stream yet, one task waits for the first.
 *
 * <p><b>Group mode</b>: the group spreads entries among its consumers, so every one of the {@code tasks.max} tasks
 * reads every stream as its own consumer, and a hot stream is shared by all of them.
 *
 * @param index   the task's index
 * @param count   how many tasks there are
 * @param streams the streams this task reads
 */
record TaskAssignment(int index, int count, List<String> streams) {

    static final String INDEX_KEY = "task.index";
    static final String COUNT_KEY = "task.count";
    static final String STREAMS_KEY = "task.streams";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param mode     the delivery mode
     * @param streams  the streams found
     * @param maxTasks {@code tasks.max}
     * @return one assignment per task to start
     */
    static List<TaskAssignment> assign(DeliveryMode mode, List<String> streams, int maxTasks) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(streams));
        int max = Math.max(1, maxTasks);
        List<TaskAssignment> result = new ArrayList<>();
        if (mode == DeliveryMode.GROUP) {
            for (int i = 0; i < max; i++) {
                result.add(new TaskAssignment(i, max, sorted));
            }
            return result;
        }
        int count = Math.max(1, Math.min(max, sorted.size()));
        List<List<String>> dealt = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dealt.add(new ArrayList<>());
        }
        for (int i = 0; i < sorted.size(); i++) {
            dealt.get(i % count).add(sorted.get(i));
        }
        for (int i = 0; i < count; i++) {
            result.add(new TaskAssignment(i, count, List.copyOf(dealt.get(i))));
        }
        return result;
    }

    /** @return the connector's properties plus this assignment */
    Map<String, String> toTaskProps(Map<String, String> connectorProps) {
        Map<String, String> props = new HashMap<>(connectorProps);
        props.put(INDEX_KEY, Integer.toString(index));
        props.put(COUNT_KEY, Integer.toString(count));
        try {
            // JSON, since a stream key may hold commas
            props.put(STREAMS_KEY, JSON.writeValueAsString(streams));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write stream keys as JSON", e);
        }
        return props;
    }

    /**
     * @param props a task's properties
     * @return its assignment
     * @throws ConfigException when the internal keys are missing, which means the props are not a task's
     */
    static TaskAssignment fromTaskProps(Map<String, String> props) {
        String index = props.get(INDEX_KEY);
        String count = props.get(COUNT_KEY);
        String streams = props.get(STREAMS_KEY);
        if (index == null || count == null || streams == null) {
            throw new ConfigException("A RedisStreamSourceTask needs " + INDEX_KEY + ", " + COUNT_KEY + " and "
                    + STREAMS_KEY + ", which its connector sets; do not start the task on its own");
        }
        try {
            return new TaskAssignment(Integer.parseInt(index), Integer.parseInt(count),
                    List.copyOf(JSON.readValue(streams, new TypeReference<List<String>>() { })));
        } catch (JsonProcessingException | NumberFormatException e) {
            throw new ConfigException("Invalid task assignment " + props + ": " + e.getMessage());
        }
    }
}

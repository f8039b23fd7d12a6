package io.sluice.connect.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.config.ConfigException;
import redis.clients.jedis.StreamEntryID;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * <p><b>Start ids</b>: with {@code start.id=latest} the connector looks up, once when it starts, the last entry id of
 * each stream that exists then, and hands these concrete ids to the tasks, so that a task restarted before its first
 * commit does not jump to a newer end. A stream without such an id (created later) starts at {@code 0-0}.
 *
 * @param index    the task's index
 * @param count    how many tasks there are
 * @param streams  the streams this task reads
 * @param startIds the id after which each stream starts when {@code start.id=latest}, for the streams that existed
 *                 when the connector started; others start at {@code 0-0}
 */
record TaskAssignment(int index, int count, List<String> streams, Map<String, StreamEntryID> startIds) {

    static final String INDEX_KEY = "task.index";
    static final String COUNT_KEY = "task.count";
    static final String STREAMS_KEY = "task.streams";
    static final String START_IDS_KEY = "task.start.ids";

    private static final ObjectMapper JSON = new ObjectMapper();

    TaskAssignment {
        streams = List.copyOf(streams);
        startIds = Map.copyOf(startIds);
    }

    TaskAssignment(int index, int count, List<String> streams) {
        this(index, count, streams, Map.of());
    }

    /**
     * @param stream one of {@link #streams()}
     * @param start  {@code start.id}
     * @return the id reading of {@code stream} starts after when nothing was read before
     */
    StreamEntryID startAfter(String stream, StartPosition start) {
        if (start.earliest()) {
            return EntryIds.ZERO;
        }
        return start.latest() ? startIds.getOrDefault(stream, EntryIds.ZERO) : start.id();
    }

    /**
     * @param mode     the delivery mode
     * @param streams  the streams found
     * @param maxTasks {@code tasks.max}
     * @param startIds the ids resolved for {@code start.id=latest} by stream; empty otherwise
     * @return one assignment per task to start
     */
    static List<TaskAssignment> assign(DeliveryMode mode, List<String> streams, int maxTasks,
                                       Map<String, StreamEntryID> startIds) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(streams));
        int max = Math.max(1, maxTasks);
        List<TaskAssignment> result = new ArrayList<>();
        if (mode == DeliveryMode.GROUP) {
            for (int i = 0; i < max; i++) {
                result.add(new TaskAssignment(i, max, sorted, only(startIds, sorted)));
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
            result.add(new TaskAssignment(i, count, dealt.get(i), only(startIds, dealt.get(i))));
        }
        return result;
    }

    private static Map<String, StreamEntryID> only(Map<String, StreamEntryID> ids, List<String> streams) {
        Map<String, StreamEntryID> result = new TreeMap<>();
        streams.stream().filter(ids::containsKey).forEach(s -> result.put(s, ids.get(s)));
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
            Map<String, String> ids = new TreeMap<>();
            startIds.forEach((stream, id) -> ids.put(stream, id.toString()));
            props.put(START_IDS_KEY, JSON.writeValueAsString(ids));
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
        String startIds = props.getOrDefault(START_IDS_KEY, "{}");
        try {
            Map<String, StreamEntryID> ids = new TreeMap<>();
            JSON.readValue(startIds, new TypeReference<Map<String, String>>() { })
                    .forEach((stream, id) -> ids.put(stream, EntryIds.parse(id)));
            return new TaskAssignment(Integer.parseInt(index), Integer.parseInt(count),
                    JSON.readValue(streams, new TypeReference<List<String>>() { }), ids);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // only the internal keys: the task's props hold the connector's, redis.password among them
            throw new ConfigException("Invalid task assignment in " + INDEX_KEY + ", " + COUNT_KEY + ", "
                    + STREAMS_KEY + " or " + START_IDS_KEY + " (" + e.getClass().getSimpleName()
                    + "); these keys are set by the connector: restart the connector so that it sets them again");
        }
    }
}

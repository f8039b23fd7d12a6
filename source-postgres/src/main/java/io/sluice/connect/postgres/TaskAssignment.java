package io.sluice.connect.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.connect.errors.ConnectException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which splits each task reads, passed to the task in the internal key {@value #SPLITS_KEY} (and its index in
 * {@value #INDEX_KEY}) next to the connector's own configuration.
 *
 * <p>Deterministic: the splits are sorted by name and dealt out in turn to {@code min(maxTasks, splits)} tasks.
 * Example: tables {@code public.a, public.b, public.c, public.d, public.e} and {@code tasks.max=2} give task 0
 * {@code a, c, e} and task 1 {@code b, d}; with {@code tasks.max=8}, five tasks of one table each.
 */
final class TaskAssignment {

    /**
     * The task's splits, as a JSON list of {@code {"schema": .., "table": ..}} (with {@code "after"} and
     * {@code "through"} for a key range) or {@code {"query": name}}.
     */
    static final String SPLITS_KEY = "sluice.task.splits";

    /** The task's index among the connector's tasks, 0 to {@code min(maxTasks, splits) - 1}: for thread names. */
    static final String INDEX_KEY = "sluice.task.index";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskAssignment() {
    }

    /** @return one configuration per task; empty when there is no split */
    static List<Map<String, String>> taskConfigs(Map<String, String> connectorProps, List<Split> splits,
                                                 int maxTasks) {
        // a table's key ranges keep their order (they are listed in key order), so they spread over the tasks
        List<Split> sorted = splits.stream().sorted(java.util.Comparator.comparing(Split::name)).toList();
        int tasks = Math.min(Math.max(1, maxTasks), sorted.size());
        List<List<Split>> assigned = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            assigned.add(new ArrayList<>());
        }
        for (int i = 0; i < sorted.size(); i++) {
            assigned.get(i % tasks).add(sorted.get(i));
        }
        List<Map<String, String>> configs = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            Map<String, String> props = new HashMap<>(connectorProps);
            props.put(SPLITS_KEY, encode(assigned.get(i)));
            props.put(INDEX_KEY, Integer.toString(i));
            configs.add(props);
        }
        return configs;
    }

    /** @return the splits of a task configuration (a query split takes its text from {@code config}) */
    static List<Split> splits(Map<String, String> taskProps, PostgresSourceConfig config) {
        String encoded = taskProps.get(SPLITS_KEY);
        if (encoded == null) {
            throw new ConnectException("Task configuration lacks " + SPLITS_KEY + "; it was not made by "
                    + PostgresSourceConnector.class.getSimpleName());
        }
        try {
            List<Map<String, Object>> entries = JSON.readValue(encoded, new TypeReference<>() { });
            return entries.stream().map(e -> decode(e, config)).toList();
        } catch (JsonProcessingException e) {
            throw new ConnectException("Task configuration holds a malformed " + SPLITS_KEY + ": " + encoded, e);
        }
    }

    /**
     * @return the task's index; null for a configuration made before tasks were given one (the task then runs as
     *         before, only its thread names lack the index)
     */
    static Integer index(Map<String, String> taskProps) {
        String index = taskProps.get(INDEX_KEY);
        try {
            return index == null ? null : Integer.valueOf(index.trim());
        } catch (NumberFormatException e) {
            throw new ConnectException("Task configuration holds a malformed " + INDEX_KEY + ": " + index, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Split decode(Map<String, Object> entry, PostgresSourceConfig config) {
        if (entry.containsKey("query")) {
            return Split.query((String) entry.get("query"), config.query());
        }
        Split split = Split.table((String) entry.get("schema"), (String) entry.get("table"));
        if (entry.containsKey("after") || entry.containsKey("through")) {
            split = split.withRange(new Split.KeyRange((List<String>) entry.get("after"),
                    (List<String>) entry.get("through")));
        }
        return split;
    }

    private static String encode(List<Split> splits) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Split s : splits) {
            Map<String, Object> entry = new HashMap<>();
            if (s.isQuery()) {
                entry.put("query", s.name());
            } else {
                entry.put("schema", s.schema());
                entry.put("table", s.table());
            }
            if (s.range() != null) {
                entry.put("after", s.range().after());
                entry.put("through", s.range().through());
            }
            entries.add(entry);
        }
        try {
            return JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode the task's splits", e);
        }
    }
}

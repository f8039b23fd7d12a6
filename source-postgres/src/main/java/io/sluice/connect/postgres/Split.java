package io.sluice.connect.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One unit of work a task owns: a table, a key range of a table (a full refresh split across tasks), or the custom
 * query. Its name is the topic suffix; its partition names the table (and the range).
 *
 * @param schema the table's schema; null for the custom query
 * @param table  the table's name; null for the custom query
 * @param query  the custom query; null for a table
 * @param name   {@code schema.table}, or the query's name
 * @param range  the key range of a table read in parts; null for a whole table or the query
 */
public record Split(String schema, String table, String query, String name, KeyRange range) {

    /** Partition key of a table split: {@code "schema.table"}. */
    public static final String TABLE_KEY = "table";
    /** Partition key of the custom query's split: its name. */
    public static final String QUERY_KEY = "query";
    /** Partition key of a key range: {@code [after, through]} as JSON, each a list of key values or null. */
    public static final String RANGE_KEY = "range";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The rows of a table whose key lies in {@code (after, through]}.
     *
     * @param after   the exclusive lower bound (key values as text); null for the table's start
     * @param through the inclusive upper bound; null for the table's end
     */
    public record KeyRange(List<String> after, List<String> through) {

        /**
         * @param text a range as a partition stores it
         * @return the range
         * @throws IllegalArgumentException when {@code text} is not a range
         */
        static KeyRange parse(String text) {
            try {
                List<List<String>> bounds = JSON.readValue(text, new TypeReference<List<List<String>>>() { });
                if (bounds == null || bounds.size() != 2) {
                    throw new IllegalArgumentException("'range' must be a JSON array of two bounds, was " + text);
                }
                return new KeyRange(bounds.get(0), bounds.get(1));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("'range' must be a JSON array of two bounds, each null or an "
                        + "array of key values as strings, e.g. [[\"1000\"],[\"2000\"]]; was " + text, e);
            }
        }

        /** @return the range as the partition stores it, e.g. {@code [["1000"],["2000"]]} */
        String text() {
            try {
                return JSON.writeValueAsString(Arrays.asList(after, through));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write a key range", e);
            }
        }
    }

    public Split {
        Objects.requireNonNull(name, "name");
    }

    /** @return the split of table {@code schema.table} */
    public static Split table(String schema, String table) {
        return new Split(schema, table, null, schema + "." + table, null);
    }

    /** @return the split of a custom query */
    public static Split query(String name, String query) {
        return new Split(null, null, query, name, null);
    }

    /** @return this table's split of the rows in {@code range} */
    public Split withRange(KeyRange range) {
        return new Split(schema, table, query, name, range);
    }

    public boolean isQuery() {
        return query != null;
    }

    /** @return the relation to select from: the quoted table, or the query as a derived table */
    public String relation() {
        return isQuery() ? "(" + query + ") AS " + Sql.quote("q") : Sql.quote(schema) + "." + Sql.quote(table);
    }

    /**
     * @return the source partition: {@code {"table": "schema.table"}}, {@code {"query": name}}, or for a key range
     *         {@code {"table": .., "range": ..}}. Built as a {@code HashMap}, whose iteration order for these fixed
     *         keys is the same in every JVM, so the serialized partition always finds its offset.
     */
    public Map<String, Object> partition() {
        Map<String, Object> map = new HashMap<>();
        map.put(isQuery() ? QUERY_KEY : TABLE_KEY, name);
        if (range != null) {
            map.put(RANGE_KEY, range.text());
        }
        return map;
    }

    /** @return the topic of this split's rows: the prefix and the name, with characters a topic cannot hold as '_' */
    public String topic(String prefix) {
        return (prefix + name).replaceAll("[^a-zA-Z0-9._-]", "_");
    }

    @Override
    public String toString() {
        return (isQuery() ? "query " : "table ") + name + (range == null ? "" : " keys " + range.text());
    }
}

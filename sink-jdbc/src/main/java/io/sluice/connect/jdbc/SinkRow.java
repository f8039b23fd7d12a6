package io.sluice.connect.jdbc;

import io.sluice.connect.jdbc.dialect.TableId;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * The row one record writes or deletes.
 *
 * @param record     the record, for offsets and error reports
 * @param table      the target table
 * @param delete     whether it is a tombstone's delete
 * @param keys       the key fields; empty without a key
 * @param values     the other fields
 * @param schemaless whether the value is a schemaless map, whose fields are matched to existing columns
 * @param dedupeKey  the key values compared by content; null without a key
 */
record SinkRow(SinkRecord record, TableId table, boolean delete, List<RowField> keys, List<RowField> values,
               boolean schemaless, List<Object> dedupeKey) {

    /**
     * A field with its value.
     *
     * @param name   the field name, which is the column name
     * @param schema its schema; null for a schemaless null value
     * @param value  the Connect value
     */
    record RowField(String name, Schema schema, Object value) {
    }

    /** @return the names of the key fields, then the value fields: the columns a write needs */
    List<String> columnNames() {
        List<String> names = new ArrayList<>(keys.size() + values.size());
        keys.forEach(k -> names.add(k.name()));
        values.forEach(v -> names.add(v.name()));
        return names;
    }

    /** @return where the record came from, for messages: topic, partition and offset */
    String origin() {
        return origin(record);
    }

    /** @return where {@code record} came from, for messages: topic, partition and offset */
    static String origin(SinkRecord record) {
        return "topic '" + record.topic() + "' partition " + record.kafkaPartition() + " offset "
                + record.kafkaOffset();
    }
}

package io.sluice.connect.jdbc;

import io.sluice.connect.jdbc.dialect.DatabaseDialect;
import io.sluice.connect.jdbc.dialect.TableId;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a record into the row it writes or deletes: its table, its key fields (per {@code pk.mode}) and its value
 * fields. A record that cannot form a row (no key where one is needed, a value that is neither a struct nor a map)
 * raises a {@link DataException} naming the problem; the caller reports it as a bad record.
 */
final class RowMapper {

    static final List<String> KAFKA_COLUMNS = List.of("__connect_topic", "__connect_partition", "__connect_offset");
    static final String DEFAULT_KEY_COLUMN = "__connect_key";
    private static final Schema SOFT_DELETE_SCHEMA = Timestamp.builder().optional().build();

    private final JdbcSinkConfig config;
    private final DatabaseDialect dialect;

    RowMapper(JdbcSinkConfig config, DatabaseDialect dialect) {
        this.config = config;
        this.dialect = dialect;
    }

    /**
     * @param record a record from Kafka
     * @return its row, or null for a tombstone that {@code delete.mode=none} skips
     * @throws DataException when the record cannot form a row
     */
    SinkRow map(SinkRecord record) {
        TableId table = dialect.tableId(config.tableSchema(),
                config.tableNameFormat().replace("${topic}", record.topic()));
        if (record.value() == null) {
            if (config.deleteMode() == DeleteMode.NONE || config.pkMode() != PkMode.RECORD_KEY) {
                return null;
            }
            List<SinkRow.RowField> keys = keyFields(record, List.of());
            return new SinkRow(record, table, true, keys, List.of(), false, dedupeKey(keys));
        }
        boolean schemaless = !(record.value() instanceof Struct);
        List<SinkRow.RowField> values = valueFields(record);
        List<SinkRow.RowField> keys = keyFields(record, values);
        Set<String> keyNames = new HashSet<>();
        keys.forEach(k -> keyNames.add(k.name()));
        List<SinkRow.RowField> nonKey = new ArrayList<>(values.size() + 1);
        for (SinkRow.RowField field : values) {
            if (!keyNames.contains(field.name())) {
                nonKey.add(field);
            }
        }
        if (config.deleteMode() == DeleteMode.SOFT && nonKey.stream().noneMatch(f -> f.name().equals(
                config.softDeleteColumn()))) {
            // a record after a soft delete brings the row back
            nonKey.add(new SinkRow.RowField(config.softDeleteColumn(), SOFT_DELETE_SCHEMA, null));
        }
        return new SinkRow(record, table, false, keys, nonKey, schemaless, dedupeKey(keys));
    }

    private static List<SinkRow.RowField> valueFields(SinkRecord record) {
        Object value = record.value();
        List<SinkRow.RowField> fields = new ArrayList<>();
        if (value instanceof Struct struct) {
            for (Field field : struct.schema().fields()) {
                fields.add(new SinkRow.RowField(field.name(), field.schema(), struct.get(field)));
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                fields.add(new SinkRow.RowField(String.valueOf(entry.getKey()),
                        ValueConverter.inferSchema(entry.getValue()), entry.getValue()));
            }
        } else {
            throw new DataException("The record value is a " + value.getClass().getSimpleName() + ", but a row needs "
                    + "a struct (a schema with fields) or a map (schemaless JSON object)");
        }
        return fields;
    }

    private List<SinkRow.RowField> keyFields(SinkRecord record, List<SinkRow.RowField> values) {
        List<String> names = config.pkFields();
        return switch (config.pkMode()) {
            case NONE -> List.of();
            case KAFKA -> {
                List<String> cols = names.size() == 3 ? names : KAFKA_COLUMNS;
                yield List.of(new SinkRow.RowField(cols.get(0), Schema.STRING_SCHEMA, record.topic()),
                        new SinkRow.RowField(cols.get(1), Schema.INT32_SCHEMA, record.kafkaPartition()),
                        new SinkRow.RowField(cols.get(2), Schema.INT64_SCHEMA, record.kafkaOffset()));
            }
            case RECORD_VALUE -> pick(values, names, "value");
            case RECORD_KEY -> recordKey(record, names);
        };
    }

    private static List<SinkRow.RowField> recordKey(SinkRecord record, List<String> names) {
        Object key = record.key();
        if (key == null) {
            throw new DataException("The record key is null, but pk.mode=record_key takes the row's key from it");
        }
        if (key instanceof Struct struct) {
            List<SinkRow.RowField> fields = new ArrayList<>();
            for (Field field : struct.schema().fields()) {
                fields.add(new SinkRow.RowField(field.name(), field.schema(), struct.get(field)));
            }
            return names.isEmpty() ? fields : pick(fields, names, "key");
        }
        if (key instanceof Map<?, ?> map) {
            List<SinkRow.RowField> fields = new ArrayList<>();
            map.forEach((k, v) -> fields.add(new SinkRow.RowField(String.valueOf(k), ValueConverter.inferSchema(v), v)));
            return names.isEmpty() ? fields : pick(fields, names, "key");
        }
        Schema schema = record.keySchema() != null ? record.keySchema() : ValueConverter.inferSchema(key);
        return List.of(new SinkRow.RowField(names.isEmpty() ? DEFAULT_KEY_COLUMN : names.get(0), schema, key));
    }

    private static List<SinkRow.RowField> pick(List<SinkRow.RowField> fields, List<String> names, String where) {
        List<SinkRow.RowField> picked = new ArrayList<>(names.size());
        for (String name : names) {
            SinkRow.RowField field = fields.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(
                    () -> new DataException("The record " + where + " has no field '" + name + "', which pk.fields "
                            + "names as part of the key"));
            if (field.value() == null) {
                throw new DataException("Key field '" + name + "' of the record " + where + " is null");
            }
            picked.add(field);
        }
        return picked;
    }

    /** Key values compared by content (bytes included), so the latest record per key wins within a batch. */
    private static List<Object> dedupeKey(List<SinkRow.RowField> keys) {
        if (keys.isEmpty()) {
            return null;
        }
        List<Object> values = new ArrayList<>(keys.size());
        for (SinkRow.RowField key : keys) {
            Object value = key.value();
            values.add(value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value);
        }
        return values;
    }
}

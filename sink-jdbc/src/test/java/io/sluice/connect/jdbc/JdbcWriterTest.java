package io.sluice.connect.jdbc;

import io.sluice.connect.common.errors.Retrier;
import io.sluice.connect.common.errors.RetryPolicy;
import io.sluice.connect.common.metrics.SluiceMetrics;
import io.sluice.connect.jdbc.dialect.DatabaseDialect;
import io.sluice.connect.jdbc.dialect.DatabaseDialects;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The writer's buffering, offsets and failure handling, against a SQLite file. */
class JdbcWriterTest {

    private static final Schema VALUE = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA)
            .field("name", Schema.OPTIONAL_STRING_SCHEMA).build();

    @TempDir
    Path dir;

    private final AtomicBoolean down = new AtomicBoolean();

    private JdbcWriter writer(JdbcSinkConfig config) {
        DatabaseDialect dialect = DatabaseDialects.forUrl(config.connection().url());
        JdbcSinkMetrics metrics = new JdbcSinkMetrics(SluiceMetrics.local());
        Retrier retrier = new Retrier(RetryPolicy.builder().maxAttempts(2).build(), Clock.systemUTC(), d -> { },
                new Random(1), failure -> JdbcWriter.classify(dialect, failure));
        return new JdbcWriter(config, dialect, () -> {
            if (down.get()) {
                throw new SQLTransientConnectionException("connection refused", "08001");
            }
            return dialect.open(config.connection(), "test");
        }, retrier, new BadRecords("test", false, null, metrics), metrics);
    }

    private JdbcSinkConfig config(int batchSize) {
        Map<String, String> props = new HashMap<>();
        props.put("connection.url", "jdbc:sqlite:" + dir.resolve("w.db"));
        props.put("insert.mode", "upsert");
        props.put("pk.mode", "record_value");
        props.put("pk.fields", "id");
        props.put("auto.create", "true");
        props.put("batch.size", Integer.toString(batchSize));
        return new JdbcSinkConfig(props);
    }

    private static List<SinkRecord> records(int partition, long firstOffset, long... ids) {
        List<SinkRecord> records = new ArrayList<>();
        long offset = firstOffset;
        for (long id : ids) {
            records.add(new SinkRecord("orders", partition, null, null, VALUE,
                    new Struct(VALUE).put("id", id).put("name", "n" + id + "@" + offset), offset++));
        }
        return records;
    }

    private long rows(JdbcSinkConfig config) throws Exception {
        try (Connection c = DatabaseDialects.forUrl(config.connection().url()).open(config.connection(), "check");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM \"orders\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void rowsWaitInTheBufferUntilBatchSizeOrFlush() throws Exception {
        JdbcSinkConfig config = config(3);
        try (JdbcWriter writer = writer(config)) {
            writer.put(records(0, 0, 1, 2));
            writer.put(records(0, 2, 3, 1));
            assertThat(rows(config)).as("written at batch.size").isEqualTo(3);
            writer.put(records(0, 4, 4));
            writer.flushAll();
            assertThat(rows(config)).isEqualTo(4);
        }
    }

    @Test
    void aBatchThatFailsTransientlyLeavesOnlyItsOwnRowsAndOlderRowsAreStillWritten() throws Exception {
        JdbcSinkConfig config = config(3);
        try (JdbcWriter writer = writer(config)) {
            writer.put(records(0, 10, 1, 2));
            down.set(true);
            List<SinkRecord> failed = records(0, 12, 3, 4);
            // the third row fills the buffer, whose write fails on every attempt
            assertThatThrownBy(() -> writer.put(failed)).isInstanceOf(RetriableException.class)
                    .hasMessageContaining("2 attempts");
            down.set(false);
            writer.flushAll();
            assertThat(rows(config)).as("the older rows stayed buffered; the failed batch's rows left").isEqualTo(2);
            // Connect delivers exactly the failed batch again
            writer.put(failed);
            writer.flushAll();
            assertThat(rows(config)).isEqualTo(4);
        }
    }

    @Test
    void aFlushThatFailsTransientlyBeforeACommitThrowsAndTheRedeliveredRecordsAreWritten() throws Exception {
        JdbcSinkConfig config = config(100);
        try (JdbcWriter writer = writer(config)) {
            writer.put(records(0, 10, 1, 2));
            down.set(true);
            assertThatThrownBy(writer::flushAll).isInstanceOf(RetriableException.class);
            down.set(false);
            // a transient failure is no reason to fail the task: Connect rewinds to its last commit
            writer.put(records(0, 10, 1, 2));
            writer.flushAll();
            assertThat(rows(config)).isEqualTo(2);
        }
    }

    @Test
    void keyedInsertModeTakesAnExistingKeyAsARedeliveryNotABadRecord() throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put("connection.url", "jdbc:sqlite:" + dir.resolve("i.db"));
        props.put("insert.mode", "insert");
        props.put("pk.mode", "record_value");
        props.put("pk.fields", "id");
        props.put("auto.create", "true");
        JdbcSinkConfig config = new JdbcSinkConfig(props);
        try (JdbcWriter writer = writer(config)) {
            writer.put(records(0, 0, 1, 2, 3));
            writer.flushAll();
            // delivered again after a failed commit, with one new record
            writer.put(records(0, 1, 2, 3, 4));
            writer.flushAll();
            assertThat(rows(config)).isEqualTo(4);
        }
    }

    @Test
    void aKeyFieldWithoutItsColumnFailsEvenForSchemalessRecords() throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put("connection.url", "jdbc:sqlite:" + dir.resolve("k.db"));
        props.put("insert.mode", "upsert");
        props.put("pk.mode", "record_value");
        props.put("pk.fields", "id,tenant");
        JdbcSinkConfig config = new JdbcSinkConfig(props);
        try (Connection c = DatabaseDialects.forUrl(config.connection().url()).open(config.connection(), "setup");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"orders\" (\"id\" INTEGER PRIMARY KEY, \"name\" TEXT)");
        }
        Map<String, Object> value = new HashMap<>(Map.of("id", 1L, "tenant", "a", "name", "x"));
        try (JdbcWriter writer = writer(config)) {
            writer.put(List.of(new SinkRecord("orders", 0, null, null, null, value, 3)));
            assertThatThrownBy(writer::flushAll).hasMessageContaining("table orders")
                    .hasMessageContaining("no column 'tenant'").hasMessageContaining("pk.fields")
                    .hasMessageContaining("topic 'orders' partition 0 offset 3");
        }
        assertThat(rows(config)).isZero();
    }

    @Test
    void aCommitThatFailsLeavesTheTransactionToTheRollback() throws Exception {
        JdbcSinkConfig config = config(100);
        Path file = dir.resolve("w.db");
        DatabaseDialect dialect = DatabaseDialects.forUrl(config.connection().url());
        try (Connection writer = dialect.open(config.connection(), "writer");
             Connection reader = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = writer.createStatement()) {
                s.execute("CREATE TABLE \"orders\" (\"id\" INTEGER PRIMARY KEY)");
                s.execute("PRAGMA busy_timeout = 1");
            }
            dialect.begin(writer);
            try (Statement s = writer.createStatement()) {
                s.execute("INSERT INTO \"orders\" VALUES (1)");
            }
            reader.setAutoCommit(false);
            try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_master")) {
                // the open read holds a shared lock, so the writer's COMMIT finds the file busy
                assertThat(rs.next()).isTrue();
                assertThatThrownBy(() -> dialect.commit(writer)).isInstanceOf(java.sql.SQLException.class);
            }
            reader.rollback();
            dialect.rollback(writer);
            dialect.begin(writer);
            dialect.commit(writer);
        }
        assertThat(rows(config)).as("the rolled back row").isZero();
    }

    @Test
    void reportsPendingWhenAFlushFailsDoNotFailALaterCommit() throws Exception {
        JdbcSinkConfig config = config(100);
        DatabaseDialect dialect = DatabaseDialects.forUrl(config.connection().url());
        JdbcSinkMetrics metrics = new JdbcSinkMetrics(SluiceMetrics.local());
        Retrier retrier = new Retrier(RetryPolicy.builder().maxAttempts(2).build(), Clock.systemUTC(), d -> { },
                new Random(1), failure -> JdbcWriter.classify(dialect, failure));
        BadRecords bad = new BadRecords("test", true, (record, error) -> java.util.concurrent.CompletableFuture
                .failedFuture(new IllegalStateException("dead letter queue unreachable")), metrics);
        try (JdbcWriter writer = new JdbcWriter(config, dialect, () -> {
            if (down.get()) {
                throw new SQLTransientConnectionException("connection refused", "08001");
            }
            return dialect.open(config.connection(), "t");
        }, retrier, bad, metrics)) {
            List<SinkRecord> batch = new ArrayList<>(records(0, 0, 1));
            batch.add(new SinkRecord("orders", 0, null, null, null, "not a row", 1));
            writer.put(batch);
            down.set(true);
            assertThatThrownBy(writer::flushAll).isInstanceOf(RetriableException.class);
            down.set(false);
            // Connect delivers the records from its last commit again; the report is made anew
            writer.put(records(0, 0, 1));
            writer.flushAll();
            assertThat(rows(config)).isEqualTo(1);
        }
    }

    @Test
    void rowsOfRevokedPartitionsAreForgotten() throws Exception {
        JdbcSinkConfig config = config(100);
        try (JdbcWriter writer = writer(config)) {
            writer.put(records(0, 10, 1, 2));
            writer.put(records(1, 40, 3));
            writer.put(records(0, 12, 4));
            writer.forget(List.of(new TopicPartition("orders", 0)));
            writer.flushAll();
            assertThat(rows(config)).as("only partition 1's row").isEqualTo(1);
        }
    }

    @Test
    void aBadRecordFoundWhileFlushingForACommitFailsTheNextPut() throws Exception {
        JdbcSinkConfig config = config(100);
        try (Connection c = DatabaseDialects.forUrl(config.connection().url()).open(config.connection(), "setup");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"orders\" (\"id\" INTEGER PRIMARY KEY, \"name\" TEXT NOT NULL)");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        try (JdbcWriter writer = writer(config)) {
            writer.put(List.of(new SinkRecord("orders", 0, null, null, VALUE, new Struct(VALUE).put("id", 7L), 5)));
            assertThatThrownBy(writer::flushAll).hasMessageContaining("topic 'orders' partition 0 offset 5")
                    .hasMessageContaining("NOT NULL");
            assertThatThrownBy(() -> writer.put(List.of())).hasMessageContaining("topic 'orders' partition 0 offset 5");
        }
    }

    @Test
    void badRecordsAreIsolatedAndEveryOtherRowOfTheBatchIsWritten() throws Exception {
        JdbcSinkConfig config = config(100);
        try (Connection c = DatabaseDialects.forUrl(config.connection().url()).open(config.connection(), "setup");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"orders\" (id INTEGER PRIMARY KEY, qty INTEGER NOT NULL, "
                    + "code TEXT CHECK (length(code) <= 5)) STRICT");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        DatabaseDialect dialect = DatabaseDialects.forUrl(config.connection().url());
        JdbcSinkMetrics metrics = new JdbcSinkMetrics(SluiceMetrics.local());
        List<Long> reported = new ArrayList<>();
        Retrier retrier = new Retrier(RetryPolicy.builder().maxAttempts(2).build(), Clock.systemUTC(), d -> { },
                new Random(1), failure -> JdbcWriter.classify(dialect, failure));
        BadRecords bad = new BadRecords("test", true, (record, error) -> {
            reported.add(record.kafkaOffset());
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }, metrics);
        List<SinkRecord> records = new ArrayList<>();
        for (long id = 1; id <= 30; id++) {
            Map<String, Object> value = new HashMap<>();
            value.put("id", id);
            value.put("qty", id == 7 ? "not a number" : id == 15 ? null : id);
            value.put("code", id == 22 ? "far too long" : "c" + id);
            records.add(new SinkRecord("orders", 0, null, null, null, value, id - 1));
        }
        try (JdbcWriter writer = new JdbcWriter(config, dialect, () -> dialect.open(config.connection(), "t"), retrier,
                bad, metrics)) {
            writer.put(records);
            writer.flushAll();
        }
        assertThat(reported).containsExactly(6L, 14L, 21L);
        assertThat(rows(config)).isEqualTo(27);
    }

    @Test
    void hostileTableAndColumnNamesAreWrittenAsNames() throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put("connection.url", "jdbc:sqlite:" + dir.resolve("h.db"));
        props.put("insert.mode", "upsert");
        props.put("pk.mode", "record_value");
        props.put("pk.fields", "id");
        props.put("auto.create", "true");
        props.put("table.name.format", "h\"`; DROP TABLE x; -- ${topic}");
        JdbcSinkConfig config = new JdbcSinkConfig(props);
        Schema schema = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA)
                .field("select", Schema.OPTIONAL_STRING_SCHEMA).field("a\"b`c", Schema.OPTIONAL_STRING_SCHEMA)
                .field("semi;colon --", Schema.OPTIONAL_INT32_SCHEMA).build();
        List<SinkRecord> records = new ArrayList<>();
        for (long id = 1; id <= 5; id++) {
            records.add(new SinkRecord("t.x-y", 0, null, null, schema, new Struct(schema).put("id", id)
                    .put("select", "s" + id).put("a\"b`c", "q" + id).put("semi;colon --", (int) id), id));
        }
        try (JdbcWriter writer = writer(config)) {
            writer.put(records);
            writer.flushAll();
        }
        DatabaseDialect dialect = DatabaseDialects.forUrl(config.connection().url());
        try (Connection c = dialect.open(config.connection(), "check"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), max(\"a\"\"b`c\") FROM "
                     + dialect.quote("h\"`; DROP TABLE x; -- t.x-y"))) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(5);
            assertThat(rs.getString(2)).isEqualTo("q5");
        }
    }

    @Test
    void schemalessRecordsCreateAndEvolveATableFromTheirValues() throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put("connection.url", "jdbc:sqlite:" + dir.resolve("s.db"));
        props.put("insert.mode", "upsert");
        props.put("pk.mode", "record_value");
        props.put("pk.fields", "id");
        props.put("auto.create", "true");
        props.put("auto.evolve", "true");
        JdbcSinkConfig config = new JdbcSinkConfig(props);
        Map<String, Object> first = new HashMap<>(Map.of("id", 1L, "name", "a", "score", 1.5));
        Map<String, Object> second = new HashMap<>(Map.of("id", 2L, "name", "b", "tags", List.of("x")));
        try (JdbcWriter writer = writer(config)) {
            writer.put(List.of(new SinkRecord("people", 0, null, null, null, first, 0),
                    new SinkRecord("people", 0, null, null, null, second, 1)));
            writer.flushAll();
        }
        DatabaseDialect dialect = DatabaseDialects.forUrl(config.connection().url());
        try (Connection c = dialect.open(config.connection(), "check"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"id\", \"name\", \"score\", \"tags\" FROM \"people\" ORDER BY 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDouble("score")).isEqualTo(1.5);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("tags")).isEqualTo("[\"x\"]");
            assertThat(rs.next()).isFalse();
        }
    }
}

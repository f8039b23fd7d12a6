package io.sluice.bench;

import java.util.Optional;

/**
 * One way of moving the benchmark file into a topic. The runner creates a fresh topic, starts the
 * clock, calls {@link #start}, and stops the clock when the topic's end offset reaches
 * {@link #expectedRecords()}.
 */
public interface BenchCase {

    /** The cases of the benchmarks, by their command-line labels. */
    enum Kind {
        /** Baseline 1: the Kafka producer sending each CSV line's bytes. */
        RAW("raw"),
        /** Baseline 2: Kafka's FileStreamSourceConnector on the same file. */
        FILESTREAM("filestream"),
        /** Baseline 2 again with StringConverter, which passes its lines on as they are. */
        FILESTREAM_STRING("filestream-string"),
        /** The Sluice CSV source with an inferred, typed schema. */
        SLUICE_INFER("sluice-infer"),
        /** The Sluice CSV source with every column a string. */
        SLUICE_STRING("sluice-string"),
        /** The Sluice CSV source with an inferred schema, writing JSON text values for StringConverter. */
        SLUICE_JSON_TEXT("sluice-json-text"),
        /** The Sluice CSV source writing each row's text as it is, for StringConverter. */
        SLUICE_RAW("sluice-raw"),
        /** The Sluice Redis Streams source in offset mode. */
        SLUICE_REDIS_SOURCE("sluice-redis-source"),
        /** The Sluice Redis cache sink. */
        SLUICE_REDIS_SINK("sluice-redis-sink"),
        /** The Sluice JDBC sink. */
        SLUICE_JDBC_SINK("sluice-jdbc-sink"),
        /** Debezium's JDBC sink, the JDBC sink's second baseline. */
        DEBEZIUM_JDBC_SINK("debezium-jdbc-sink"),
        /**
         * Kafka's file connector beside a benchmark's cases: FileStreamSinkConnector on the JDBC sink's topic, or
         * FileStreamSourceConnector on a COPY TO file of the PostgreSQL source's table; what any Connect sink or
         * source task can reach there.
         */
        CONNECT_CEILING("connect-ceiling"),
        /** The Sluice PostgreSQL source, full refresh once. */
        SLUICE_PG_FULL("sluice-pg-full"),
        /** The Sluice PostgreSQL source, incremental from the first row. */
        SLUICE_PG_INCREMENTAL("sluice-pg-incremental"),
        /** The initial snapshot of Debezium's PostgreSQL connector, the PostgreSQL source's second baseline. */
        DEBEZIUM_PG_SNAPSHOT("debezium-pg-snapshot");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name used on the command line and in the result table. */
        public String label() {
            return label;
        }

        /** Whether this case needs the Sluice plugin ZIP. */
        public boolean needsSluice() {
            return this != RAW && this != FILESTREAM && this != DEBEZIUM_JDBC_SINK && this != CONNECT_CEILING
                && this != DEBEZIUM_PG_SNAPSHOT;
        }

        /** Parses a command-line label. */
        public static Kind fromLabel(String label) {
            for (Kind k : values()) {
                if (k.label.equalsIgnoreCase(label)) {
                    return k;
                }
            }
            throw new IllegalArgumentException(
                "unknown case '" + label + "'");
        }
    }

    /** Which case this is. */
    Kind kind();

    /** What the case runs with beyond the producer settings, for the result table. */
    String description();

    /** Records the topic holds once the case is done. */
    long expectedRecords();

    /**
     * How many of the last expected records the case may never send: the run ends when the topic
     * holds at least {@code expectedRecords() - tailTolerance()} records and has stopped growing.
     */
    default long tailTolerance() {
        return 0;
    }

    /** Starts moving the file into {@code topic}; returns without waiting for the records. */
    void start(String topic) throws Exception;

    /** Why the case cannot complete (a failed task, a send error), if that is already known. */
    Optional<String> failure();

    /** Stops the case and releases what it started; safe to call after a failed start. */
    void stop() throws Exception;
}

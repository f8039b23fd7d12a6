package io.sluice.connect.jdbc.it;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one SQL statement against a SQLite file in a child JVM and prints the rows as JSON.
 *
 * <p>Why a child: the worker loads its own copy of the SQLite driver (and native library) from the plugin ZIP. Two
 * copies of SQLite in one process do not see each other's POSIX file locks, and closing a file in one releases the
 * locks of the other, so a test that opened the sink's file in the worker's JVM could corrupt the sink's
 * transactions. A real deployment has one copy per worker.
 */
public final class SqliteCli {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARKER = "@@rows@@";
    /** Only what the child needs, so that it starts quickly: the test classes, the driver and Jackson. */
    private static final String CLASSPATH = java.util.Arrays.stream(
                    System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .filter(entry -> entry.contains("test-classes") || entry.contains("sqlite-jdbc")
                    || entry.contains("jackson"))
            .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));

    private SqliteCli() {
    }

    /** Entry point of the child: {@code <file> <query|update> <sql>}. */
    public static void main(String[] args) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            List<Map<String, String>> rows = new ArrayList<>();
            if ("query".equals(args[1])) {
                try (ResultSet rs = s.executeQuery(args[2])) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        Map<String, String> row = new LinkedHashMap<>();
                        for (int i = 1; i <= columns; i++) {
                            row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                        }
                        rows.add(row);
                    }
                }
            } else {
                s.execute(args[2]);
            }
            System.out.print(MARKER + JSON.writeValueAsString(rows));
        }
    }

    /**
     * Runs {@code sql} in a child JVM.
     *
     * @param query whether it returns rows
     * @return the rows
     * @throws SQLException with the child's output when it fails
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, String>> run(Path file, boolean query, String sql) throws SQLException {
        try {
            Path out = Files.createTempFile("sqlite-cli", ".json");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", CLASSPATH, SqliteCli.class.getName(), file.toString(),
                    query ? "query" : "update", sql)
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!process.waitFor(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new SQLException("sqlite child did not finish: " + sql);
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            Files.deleteIfExists(out);
            if (process.exitValue() != 0) {
                throw new SQLException("sqlite child failed for " + sql + ": " + text);
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (Object row : JSON.readValue(text.substring(text.lastIndexOf(MARKER) + MARKER.length()), List.class)) {
                rows.add((Map<String, String>) row);
            }
            return rows;
        } catch (IOException e) {
            throw new SQLException("cannot run the sqlite child: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
    }
}

package io.sluice.connect.csv;

import io.sluice.connect.common.health.HealthCheck;
import io.sluice.connect.common.health.HealthReport;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The connector's health: healthy and connected while every input directory exists and can be listed.
 * Capabilities: {@code batch_reading}, {@code exactly_once}, {@code incremental}.
 */
final class DirectoryHealthCheck implements HealthCheck {

    static final Set<String> CAPABILITIES = Set.of("batch_reading", "exactly_once", "incremental");

    private final List<Path> directories;
    private final Clock clock;

    DirectoryHealthCheck(List<Path> directories, Clock clock) {
        this.directories = List.copyOf(directories);
        this.clock = clock;
    }

    @Override
    public HealthReport check() {
        Instant now = clock.instant();
        long start = System.nanoTime();
        List<String> problems = new ArrayList<>();
        for (Path dir : directories) {
            String problem = problem(dir);
            if (problem != null) {
                problems.add(problem);
            }
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (problems.isEmpty()) {
            return HealthReport.healthy(elapsedMs, now, CAPABILITIES);
        }
        return HealthReport.unhealthy(false, elapsedMs, now, CAPABILITIES,
                String.join("; ", problems) + ". Fix the directory or input.paths");
    }

    /**
     * @param dir an input directory
     * @return what keeps the worker from listing it, or {@code null} when it can
     */
    static String problem(Path dir) {
        if (!Files.exists(dir)) {
            return "'" + dir + "' does not exist";
        }
        if (!Files.isDirectory(dir)) {
            return "'" + dir + "' is not a directory";
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.iterator().hasNext();
            return null;
        } catch (IOException | SecurityException e) {
            return "'" + dir + "' cannot be read by the worker (" + e.getClass().getSimpleName() + ")";
        }
    }
}

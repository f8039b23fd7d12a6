package io.sluice.connect.csv;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists the files of the input directories that this task owns and that are ready to read.
 *
 * <p>A file is listed when its name matches {@code input.file.pattern} and does not start with '.', it is a regular
 * file (symbolic links are not followed), and {@link TaskAssignment#owns} says this task reads it. It is ready when
 * it was last modified at least {@code file.min.age.ms} ago and has the same size and last-modified time as in the
 * previous scan: a file still being written is never read. Hidden directories and the finished and error
 * directories are not descended into.
 */
final class DirectoryScanner {

    private static final Logger log = LoggerFactory.getLogger(DirectoryScanner.class);

    private record Observation(long size, long lastModified) {
    }

    private final List<Path> directories;
    private final PathMatcher matcher;
    private final int maxDepth;
    private final long minAgeMs;
    private final TaskAssignment assignment;
    private final Set<Path> excluded;
    private final Clock clock;
    private final Set<Path> failingDirectories = new HashSet<>();
    private Map<Path, Observation> previous = new HashMap<>();
    private Set<String> listedPaths = Set.of();
    private boolean awaitingConfirmation;

    /**
     * @param directories the input directories, absolute and normalized
     * @param glob        the file name pattern
     * @param recursive   whether to descend into subdirectories
     * @param minAgeMs    the minimum time since the last modification
     * @param assignment  this task's share of the files
     * @param excluded    directories never to descend into (finished and error directories)
     * @param clock       the clock the age is measured with
     */
    DirectoryScanner(List<Path> directories, String glob, boolean recursive, long minAgeMs,
                     TaskAssignment assignment, Set<Path> excluded, Clock clock) {
        this.directories = List.copyOf(directories);
        this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        this.maxDepth = recursive ? Integer.MAX_VALUE : 1;
        this.minAgeMs = minAgeMs;
        this.assignment = assignment;
        this.excluded = Set.copyOf(excluded);
        this.clock = clock;
    }

    /** @return the owned files ready to read, the least recently modified first */
    List<FileSplit> scan() {
        long now = clock.millis();
        Map<Path, FileSplit> seen = new LinkedHashMap<>();
        for (Path dir : directories) {
            walk(dir, seen);
        }
        Map<Path, Observation> current = new HashMap<>(seen.size() * 2);
        Set<String> paths = new HashSet<>(seen.size() * 2);
        List<FileSplit> ready = new ArrayList<>();
        boolean unconfirmed = false;
        for (FileSplit split : seen.values()) {
            Observation observation = new Observation(split.size(), split.lastModified());
            current.put(split.path(), observation);
            paths.add(split.path().toString());
            if (now - split.lastModified() >= minAgeMs) {
                if (observation.equals(previous.get(split.path()))) {
                    ready.add(split);
                } else {
                    unconfirmed = true;
                }
            }
        }
        previous = current;
        awaitingConfirmation = unconfirmed;
        listedPaths = paths;
        ready.sort(Comparator.comparingLong(FileSplit::lastModified).thenComparing(FileSplit::path));
        return ready;
    }

    /**
     * @return whether the last scan saw a file old enough to read that it had not seen unchanged before: one more
     *         scan confirms it, and need not wait a whole poll interval
     */
    boolean awaitingConfirmation() {
        return awaitingConfirmation;
    }

    /** An input directory given as a symbolic link is read where it points; links below it are not followed. */
    private static Path followIfLink(Path dir) {
        if (!Files.isSymbolicLink(dir)) {
            return dir;
        }
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir;
        }
    }

    /** @return the paths of every owned file the last scan saw, ready or not */
    Set<String> listedPaths() {
        return listedPaths;
    }

    private void walk(Path configured, Map<Path, FileSplit> seen) {
        Path root = followIfLink(configured);
        boolean[] rootFailed = {false};
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), maxDepth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean skip = !dir.equals(root)
                            && (dir.getFileName().toString().startsWith(".") || excluded.contains(dir));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Path name = file.getFileName();
                    if (attrs.isRegularFile() && !name.toString().startsWith(".") && matcher.matches(name)
                            && assignment.owns(file.toString())) {
                        seen.putIfAbsent(file, FileSplit.of(file, root, attrs));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (file.equals(root)) {
                        rootFailed[0] = true;
                        reportFailure(root, e);
                    } else if (!(e instanceof NoSuchFileException)) {
                        log.debug("Cannot read {} while scanning {}: {}", file, root, e.toString());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            if (!rootFailed[0] && failingDirectories.remove(root)) {
                log.info("Input directory {} can be read again", root);
            }
        } catch (IOException e) {
            reportFailure(root, e);
        }
    }

    // WARN once when a directory starts failing, not on every scan.
    private void reportFailure(Path root, IOException e) {
        if (failingDirectories.add(root)) {
            log.warn("Cannot read input directory {} ({}); it is scanned again every poll interval. Create it, grant "
                    + "the worker read access, or fix input.paths", root, e.toString());
        }
    }
}

package io.sluice.connect.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryScannerTest {

    private static final long NOW = 1_800_000_000_000L;

    @TempDir
    Path in;

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        long millis = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    private final ManualClock clock = new ManualClock();

    private Path file(String relative, String content, long modifiedAt) throws Exception {
        Path file = in.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedAt));
        return file;
    }

    private DirectoryScanner scanner(boolean recursive, long minAgeMs, TaskAssignment assignment, Set<Path> excluded) {
        return new DirectoryScanner(List.of(in), CsvSourceConfig.INPUT_FILE_PATTERN_DEFAULT, recursive, minAgeMs,
                assignment, excluded, clock);
    }

    private static List<String> names(List<FileSplit> splits) {
        return splits.stream().map(s -> s.path().getFileName().toString()).toList();
    }

    @Test
    void aFileIsReadyOnlyWhenOldEnoughAndUnchangedBetweenTwoScans() throws Exception {
        Path file = file("a.csv", "id\n1\n", NOW - 500);
        DirectoryScanner scanner = scanner(false, 1000, new TaskAssignment(0, 1), Set.of());

        assertThat(scanner.scan()).as("first sighting").isEmpty();
        assertThat(scanner.scan()).as("unchanged but too young").isEmpty();
        clock.millis += 600;
        assertThat(names(scanner.scan())).containsExactly("a.csv");

        Files.writeString(file, "2\n", StandardOpenOption.APPEND);
        Files.setLastModifiedTime(file, FileTime.fromMillis(NOW - 5000));
        assertThat(scanner.scan()).as("size changed since the last scan").isEmpty();
        FileSplit split = scanner.scan().get(0);
        assertThat(split.size()).isEqualTo(7);
        assertThat(split.lastModified()).isEqualTo(NOW - 5000);
        assertThat(split.inputDir()).isEqualTo(in);
        assertThat(split.fileId()).isNotBlank();
    }

    @Test
    void listsMatchingVisibleFilesOldestFirstAndOnlyDescendsWhenRecursive() throws Exception {
        file("b.csv", "x", NOW - 3000);
        file("a.jsonl.gz", "x", NOW - 2000);
        file("c.txt", "x", NOW - 4000);
        file("notes.md", "x", NOW - 4000);
        file(".hidden.csv", "x", NOW - 4000);
        file("sub/d.csv", "x", NOW - 5000);
        file(".git/e.csv", "x", NOW - 5000);
        file("done/f.csv", "x", NOW - 5000);

        DirectoryScanner flat = scanner(false, 0, new TaskAssignment(0, 1), Set.of());
        flat.scan();
        assertThat(names(flat.scan())).containsExactly("c.txt", "b.csv", "a.jsonl.gz");

        DirectoryScanner deep = scanner(true, 0, new TaskAssignment(0, 1), Set.of(in.resolve("done")));
        deep.scan();
        assertThat(names(deep.scan())).containsExactly("d.csv", "c.txt", "b.csv", "a.jsonl.gz");
        assertThat(deep.listedPaths()).contains(in.resolve("sub/d.csv").toString())
                .doesNotContain(in.resolve("done/f.csv").toString());
    }

    @Test
    void listsOnlyTheFilesTheTaskOwns() throws Exception {
        for (int i = 0; i < 20; i++) {
            file("f" + i + ".csv", "x", NOW - 1000);
        }
        DirectoryScanner scanner = scanner(false, 0, new TaskAssignment(1, 3), Set.of());
        scanner.scan();
        List<FileSplit> owned = scanner.scan();
        assertThat(owned).isNotEmpty().hasSizeLessThan(20)
                .allSatisfy(s -> assertThat(Math.floorMod(s.path().toString().hashCode(), 3)).isEqualTo(1));
    }

    @Test
    void aMissingDirectoryIsScannedWithoutFailing() throws Exception {
        DirectoryScanner scanner = new DirectoryScanner(List.of(in.resolve("later")), "*.csv", false, 0,
                new TaskAssignment(0, 1), Set.of(), clock);
        assertThat(scanner.scan()).isEmpty();
        file("later/a.csv", "x", NOW - 1000);
        scanner.scan();
        assertThat(names(scanner.scan())).containsExactly("a.csv");
    }

    @Test
    void saysWhenAFileOldEnoughToReadAwaitsItsConfirmingScan() throws Exception {
        file("young.csv", "id\n1\n", NOW - 100);
        DirectoryScanner scanner = scanner(false, 1000, new TaskAssignment(0, 1), Set.of());
        scanner.scan();
        assertThat(scanner.awaitingConfirmation()).as("only a file too young to read").isFalse();

        file("old.csv", "id\n1\n", NOW - 5000);
        assertThat(scanner.scan()).isEmpty();
        assertThat(scanner.awaitingConfirmation()).as("old.csv seen for the first time").isTrue();

        assertThat(names(scanner.scan())).containsExactly("old.csv");
        assertThat(scanner.awaitingConfirmation()).as("old.csv confirmed, young.csv still too young").isFalse();
    }

    @Test
    void anInputDirectoryGivenAsASymbolicLinkIsReadWhereItPoints() throws Exception {
        file("a.csv", "id\n1\n", NOW - 5000);
        Path link = Files.createSymbolicLink(Files.createTempDirectory("scanner-link").resolve("in"), in);
        DirectoryScanner scanner = new DirectoryScanner(List.of(link), "*.csv", false, 0,
                new TaskAssignment(0, 1), Set.of(), clock);
        scanner.scan();
        assertThat(names(scanner.scan())).containsExactly("a.csv");
    }

    @Test
    void aFilesIdentityIsItsInodeWithoutTheDevice() throws Exception {
        Path file = file("a.csv", "id\n1\n", NOW - 5000);
        String id = FileSplit.fileId(Files.readAttributes(file, BasicFileAttributes.class));
        assertThat(id).isEqualTo("ino:" + Files.getAttribute(file, "unix:ino"));
    }
}

package io.sluice.connect.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class FinishedFileHandlerTest {

    @TempDir
    Path dir;

    private final TaskHarness.InMemoryOffsets offsets = new TaskHarness.InMemoryOffsets();

    private FinishedFileHandler handler(AfterRead afterRead, Path finished, Path errors) {
        return new FinishedFileHandler(afterRead, finished, errors, "test", CsvSourceMetrics.local(),
                Clock.systemUTC());
    }

    private FileSplit finishedSplit(Path file) throws Exception {
        FileSplit split = FileSplit.of(file, dir.resolve("in"));
        offsets.put(split.partition().toMap(),
                new FileOffset(split.size(), 1, 3, true, split.size(), split.lastModified()).toMap());
        return split;
    }

    @Test
    void aFileIsDeletedOnlyOnceItsEndOfFileOffsetIsCommitted() throws Exception {
        Path file = Files.writeString(Files.createDirectories(dir.resolve("in")).resolve("a.csv"), "id\n1\n");
        FileSplit split = FileSplit.of(file, dir.resolve("in"));
        FinishedFileHandler handler = handler(AfterRead.DELETE, null, null);
        handler.awaitCommit(split);

        offsets.put(split.partition().toMap(), new FileOffset(3, 0, 2, false, -1, -1).toMap());
        handler.onCommit(offsets);
        assertThat(file).exists();
        assertThat(handler.awaitingCount()).isEqualTo(1);

        finishedSplit(file);
        handler.onCommit(offsets);
        assertThat(file).doesNotExist();
        assertThat(handler.awaitingCount()).isZero();
    }

    @Test
    void anEndOfFileOffsetLeftByAnEarlierFileWithTheSameInodeDoesNotFinishTheNewOne() throws Exception {
        Path file = Files.writeString(Files.createDirectories(dir.resolve("in")).resolve("a.csv"), "id\n1\n2\n");
        FileSplit split = FileSplit.of(file, dir.resolve("in"));
        // The earlier file under this path and (recycled) inode was shorter and older.
        offsets.put(split.partition().toMap(),
                new FileOffset(5, 1, 3, true, 5, split.lastModified() - 60_000).toMap());
        FinishedFileHandler handler = handler(AfterRead.DELETE, null, null);
        handler.awaitCommit(split);

        handler.onCommit(offsets);
        assertThat(file).as("its own end-of-file offset is not committed yet").exists();
        assertThat(handler.awaitingCount()).isEqualTo(1);

        finishedSplit(file);
        handler.onCommit(offsets);
        assertThat(file).doesNotExist();
    }

    @Test
    void aFileReplacedAfterItWasReadIsLeftAlone() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path file = Files.writeString(in.resolve("a.csv"), "id\n1\n");
        FileSplit split = finishedSplit(file);
        Path replacement = Files.writeString(dir.resolve("new.csv"), "id\n2\n");
        Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING);

        FinishedFileHandler handler = handler(AfterRead.DELETE, null, null);
        handler.awaitCommit(split);
        handler.onCommit(offsets);
        assertThat(file).hasContent("id\n2\n");
        assertThat(handler.awaitingCount()).isZero();
    }

    @Test
    void movedFilesTakeAFreeNameBeforeTheirExtensions() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path finished = Files.createDirectories(dir.resolve("done"));
        Files.writeString(finished.resolve("a.csv.gz"), "older");
        Files.writeString(finished.resolve("a-1.csv.gz"), "older still");
        FileSplit split = finishedSplit(Files.writeString(in.resolve("a.csv.gz"), "x"));

        handler(AfterRead.MOVE, finished, null).finishNow(split);
        assertThat(finished.resolve("a-2.csv.gz")).hasContent("x");
        assertThat(finished.resolve("a.csv.gz")).hasContent("older");
    }

    @Test
    void withoutAnErrorPathAnUnreadableFileStaysInPlace() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path file = Files.writeString(in.resolve("a.csv"), "x");
        CsvSourceMetrics metrics = CsvSourceMetrics.local();
        new FinishedFileHandler(AfterRead.DELETE, null, null, "test", metrics, Clock.systemUTC())
                .quarantine(FileSplit.of(file, in), "broken");
        assertThat(file).exists();
        assertThat(metrics.snapshot()).containsEntry("files-failed-total", 1L);
    }
}

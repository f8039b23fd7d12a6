package io.sluice.connect.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file to read, as seen by the last directory scan: the unit of work of this connector.
 *
 * @param path         the absolute, normalized path
 * @param fileId       the file's identity ({@link #fileId(BasicFileAttributes)})
 * @param inputDir     the configured input directory the file was found under
 * @param size         the size in bytes at the scan
 * @param lastModified the last-modified time in ms at the scan
 */
record FileSplit(Path path, String fileId, Path inputDir, long size, long lastModified) {

    private static final Pattern INODE = Pattern.compile("ino=(\\d+)");

    FileSplit {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(inputDir, "inputDir");
    }

    /**
     * @param path     an absolute, normalized path
     * @param inputDir the input directory it was found under
     * @return the split for the file as it is now
     * @throws IOException when the file cannot be stat'ed (for example, it is gone)
     */
    static FileSplit of(Path path, Path inputDir) throws IOException {
        return of(path, inputDir, Files.readAttributes(path, BasicFileAttributes.class));
    }

    static FileSplit of(Path path, Path inputDir, BasicFileAttributes attributes) {
        return new FileSplit(path, fileId(attributes), inputDir, attributes.size(),
                attributes.lastModifiedTime().toMillis());
    }

    /**
     * The identity of a file: its inode ({@code ino:<inode>}), which stays the same when the file is renamed or grows
     * and changes when it is replaced by a new file. The device number of the file key is left out: a shared (NFS)
     * mount has a different one on each worker and after each remount, and a task that moves to another worker must
     * find its offsets. Where the file key has no inode, the whole key; where there is none, the creation time
     * ({@code ctime:<ms>}).
     *
     * @param attributes the file's attributes
     * @return the identity stored in the source partition
     */
    static String fileId(BasicFileAttributes attributes) {
        Object key = attributes.fileKey();
        if (key == null) {
            return "ctime:" + attributes.creationTime().toMillis();
        }
        String text = key.toString();
        Matcher inode = INODE.matcher(text);
        return inode.find() ? "ino:" + inode.group(1) : text;
    }

    /** @return the source partition of this file */
    FilePartition partition() {
        return new FilePartition(path.toString(), fileId);
    }

    /** @return the path as shown in logs and error messages */
    @Override
    public String toString() {
        return path.toString();
    }
}

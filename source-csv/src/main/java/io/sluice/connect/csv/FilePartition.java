package io.sluice.connect.csv;

import io.sluice.connect.common.offsets.OffsetMaps;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The source partition of one file: its absolute path plus its identity, so that a file replaced by a new one under
 * the same name is a new partition, read from the start.
 *
 * <p>Stored as {@code {"path": "/data/in/orders.csv", "file.id": "ino:1234"}}. The identity is the file
 * system's inode (see {@link FileSplit#fileId}); where the file system has none, {@code ctime:<creation time in ms>}.
 *
 * @param path   the absolute, normalized path
 * @param fileId the file's identity, see {@link FileSplit#fileId()}
 */
public record FilePartition(String path, String fileId) {

    /** Partition key of the absolute path. */
    public static final String PATH_KEY = "path";
    /** Partition key of the file identity. */
    public static final String FILE_ID_KEY = "file.id";

    public FilePartition {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fileId, "fileId");
    }

    /** @return the partition map Connect stores */
    public Map<String, Object> toMap() {
        // Connect finds an offset by the partition's JSON, whose key order is the map's iteration order. Map.of
        // iterates in an order that changes with each JVM start; a HashMap of default capacity iterates these keys
        // in one order everywhere, the order of the partitions Connect reads back (REST GET/PATCH/DELETE offsets).
        Map<String, Object> map = new HashMap<>();
        map.put(PATH_KEY, path);
        map.put(FILE_ID_KEY, fileId);
        return map;
    }

    /**
     * @param map a stored partition
     * @return the partition
     * @throws IllegalArgumentException naming the key that is missing or not a string
     */
    public static FilePartition fromMap(Map<String, ?> map) {
        return new FilePartition(OffsetMaps.getString(map, PATH_KEY), OffsetMaps.getString(map, FILE_ID_KEY));
    }
}

package io.sluice.connect.csv.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.IntFunction;
import java.util.zip.GZIPOutputStream;

/**
 * Writes input files the way a well-behaved producer of files does: each file is written under a hidden name
 * (which the connector never reads) and then renamed, so it appears complete under its real name.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code dir/name}. */
    public static Path write(Path dir, String name, String text) throws IOException {
        return publish(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code text} as gzip-compressed UTF-8 to {@code dir/name}. */
    public static Path writeGzip(Path dir, String name, String text) throws IOException {
        Path hidden = hiddenName(dir, name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(hidden), 64 * 1024)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return rename(hidden, dir.resolve(name));
    }

    /** Writes {@code bytes} to {@code dir/name}. */
    public static Path publish(Path dir, String name, byte[] bytes) throws IOException {
        Path hidden = hiddenName(dir, name);
        Files.write(hidden, bytes);
        return rename(hidden, dir.resolve(name));
    }

    /**
     * CSV text: {@code header}, then {@code row.apply(i)} for i = from..to, each line ending in '\n'.
     * A null header gives a file without one.
     */
    public static String lines(String header, int from, int to, IntFunction<String> row) {
        StringBuilder text = new StringBuilder();
        if (header != null) {
            text.append(header).append('\n');
        }
        for (int i = from; i <= to; i++) {
            text.append(row.apply(i)).append('\n');
        }
        return text.toString();
    }

    /**
     * The numbered CSV many tests use: header {@code id,name,amount}, then for i = from..to the row
     * {@code i,name-i,i.25}; row i is on line {@code i - from + 2}.
     */
    public static String numbered(int from, int to) {
        return lines("id,name,amount", from, to, i -> i + ",name-" + i + "," + i + ".25");
    }

    private static Path hiddenName(Path dir, String name) {
        return dir.resolve("." + name + ".partial");
    }

    private static Path rename(Path from, Path to) throws IOException {
        return Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }
}

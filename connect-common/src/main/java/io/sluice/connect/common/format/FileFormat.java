package io.sluice.connect.common.format;

import java.util.Locale;
import java.util.Optional;

/** The record formats a file or object can hold. */
public enum FileFormat {
    /** Delimiter-separated values per RFC 4180 (also TSV and other delimiters). */
    CSV,
    /** One JSON object per line (JSON lines / NDJSON). */
    JSONL;

    /**
     * Guesses the format from a file or object name: {@code .csv}, {@code .tsv}, {@code .txt} are
     * CSV; {@code .jsonl}, {@code .ndjson}, {@code .json} are JSON lines. A trailing {@code .gz}
     * or {@code .gzip} is ignored, as is case; a directory part of the name is allowed.
     *
     * @return the format, or empty when the extension is not one of these
     */
    public static Optional<FileFormat> fromFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        lower = lower.substring(Math.max(lower.lastIndexOf('/'), lower.lastIndexOf('\\')) + 1);
        if (lower.endsWith(".gz")) {
            lower = lower.substring(0, lower.length() - 3);
        } else if (lower.endsWith(".gzip")) {
            lower = lower.substring(0, lower.length() - 5);
        }
        int dot = lower.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        switch (lower.substring(dot + 1)) {
            case "csv":
            case "tsv":
            case "txt":
                return Optional.of(CSV);
            case "jsonl":
            case "ndjson":
            case "json":
                return Optional.of(JSONL);
            default:
                return Optional.empty();
        }
    }
}

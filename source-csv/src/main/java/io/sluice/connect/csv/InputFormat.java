package io.sluice.connect.csv;

import io.sluice.connect.common.format.FileFormat;

/** The choices of {@code input.format}: a fixed record format, or one chosen by each file's name. */
public enum InputFormat {
    /** By extension: {@code .csv .tsv .txt} are CSV, {@code .jsonl .ndjson .json} JSON lines, anything else CSV. */
    AUTO,
    /** Every file is CSV. */
    CSV,
    /** Every file is JSON lines. */
    JSONL;

    /**
     * @param fileName the file's name
     * @return the record format to read the file with
     */
    FileFormat resolve(String fileName) {
        switch (this) {
            case CSV:
                return FileFormat.CSV;
            case JSONL:
                return FileFormat.JSONL;
            default:
                return FileFormat.fromFileName(fileName).orElse(FileFormat.CSV);
        }
    }
}

package io.sluice.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes the benchmark's CSV file: a header and {@code rows} records of ten columns, about 120 bytes
 * each: ints, decimals, ISO-8601 timestamps and short strings, one in ten with a quoted comma.
 *
 * <p>The content is a pure function of the row count (fixed seed), so a file left by an earlier run
 * is reused as is: regenerating 1 GB for every heap run would dominate the run time.
 */
public final class CsvDataGenerator {

    /** The header line, without its line terminator. */
    public static final String HEADER =
        "id,customer_id,amount,price,quantity,created_at,updated_at,country,status,note";

    /** Columns per record, as the header names them. */
    public static final int COLUMNS = 10;

    /** The data file's name inside the directory {@link #ensure} returns. */
    public static final String FILE_NAME = "orders.csv";

    // Part of the data directory's name: a file written by an older generator is never reused.
    private static final String CONTENT_VERSION = "v2";
    private static final long SEED = 20_240_601L;
    private static final long EPOCH_2024 = 1_704_067_200L;
    private static final int YEAR_SECONDS = 365 * 24 * 3600;
    private static final String[] COUNTRIES = {"DE", "FR", "US", "GB", "NL", "SE", "JP", "BR", "IN", "ES"};
    private static final String[] STATUSES = {"new", "paid", "shipped", "delivered", "cancelled", "returned"};
    private static final String[] NOTES = {
        "gift wrap requested by buyer", "express delivery before noon", "leave parcel at the back door",
        "call the customer before delivery", "fragile contents handle with care", "bulk order for retail store",
        "repeat customer loyalty discount", ""
    };
    private static final String[] NAMES = {
        "Smith, John (account manager)", "Doe, Jane (purchasing)", "Berg, Anna (warehouse)", "Rossi, Luca (sales)"
    };

    private CsvDataGenerator() {
    }

    /**
     * Returns the directory holding the data file for {@code rows} records under {@code workDir},
     * generating it first unless a complete earlier copy exists.
     */
    public static Path ensure(Path workDir, long rows) throws IOException {
        String name = "csv-" + CONTENT_VERSION + "-" + rows;
        Path dir = workDir.resolve(name);
        Path file = dir.resolve(FILE_NAME);
        // The marker sits outside the data directory so the connectors under test never see it.
        Path done = workDir.resolve(name + ".done");
        if (Files.exists(done) && Files.exists(file)) {
            return dir;
        }
        Files.createDirectories(dir);
        // Generated elsewhere, then moved in: a connector must never see a half-written file.
        Path tmp = workDir.resolve(name + ".tmp");
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII), 1 << 20)) {
            write(out, rows);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(done, Long.toString(rows));
        return dir;
    }

    /** Writes the header and {@code rows} records to {@code out}, each line ending in LF. */
    public static void write(Writer out, long rows) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        StringBuilder line = new StringBuilder(160);
        out.write(HEADER);
        out.write('\n');
        for (long id = 1; id <= rows; id++) {
            line.setLength(0);
            appendRecord(line, id, random);
            line.append('\n');
            out.append(line);
        }
    }

    static void appendRecord(StringBuilder sb, long id, SplittableRandom random) {
        sb.append(id).append(',');
        sb.append(10_000 + random.nextInt(90_000)).append(',');
        appendDecimal(sb, random.nextLong(100, 10_000_000), 2);
        sb.append(',');
        appendDecimal(sb, random.nextLong(1, 1_000_000), 3);
        sb.append(',');
        sb.append(1 + random.nextInt(500)).append(',');
        long created = EPOCH_2024 + random.nextInt(YEAR_SECONDS);
        appendTimestamp(sb, created, random.nextInt(1000));
        sb.append(',');
        appendTimestamp(sb, created + random.nextInt(30 * 24 * 3600), random.nextInt(1000));
        sb.append(',');
        sb.append(COUNTRIES[random.nextInt(COUNTRIES.length)]).append(',');
        sb.append(STATUSES[random.nextInt(STATUSES.length)]).append(',');
        if (random.nextInt(10) == 0) {
            sb.append('"').append(NAMES[random.nextInt(NAMES.length)]).append('"');
        } else {
            sb.append(NOTES[random.nextInt(NOTES.length)]);
        }
    }

    private static void appendDecimal(StringBuilder sb, long unscaled, int scale) {
        long factor = scale == 2 ? 100 : 1000;
        sb.append(unscaled / factor).append('.');
        String fraction = Long.toString(unscaled % factor);
        for (int i = fraction.length(); i < scale; i++) {
            sb.append('0');
        }
        sb.append(fraction);
    }

    // Hand-formatted: java.time formatting would make generating 1 GB noticeably slower.
    private static void appendTimestamp(StringBuilder sb, long epochSecond, int millis) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(days);
        sb.append(date.getYear()).append('-');
        pad(sb, date.getMonthValue(), 2).append('-');
        pad(sb, date.getDayOfMonth(), 2).append('T');
        pad(sb, secondOfDay / 3600, 2).append(':');
        pad(sb, secondOfDay / 60 % 60, 2).append(':');
        pad(sb, secondOfDay % 60, 2).append('.');
        pad(sb, millis, 3).append('Z');
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }
}

package io.sluice.connect.csv.it;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The contents of the sample files: each row derived from its id, so a test can check any value it reads. */
public final class SampleFiles {

    /** The {@code created} value of order 0; order i is i minutes later. */
    public static final Instant ORDERS_EPOCH = Instant.parse("2024-05-01T00:00:00Z");

    private SampleFiles() {
    }

    /** CSV with a header and five typed columns: {@code i,name-i,i.25,<i even>,<ORDERS_EPOCH + i min>}. */
    public static String orders(int from, int to) {
        return InputFiles.lines("id,name,amount,active,created", from, to,
                i -> i + ",name-" + i + "," + i + ".25," + (i % 2 == 0) + "," + ordersCreated(i));
    }

    /** The {@code created} value of order {@code i}. */
    public static Instant ordersCreated(int i) {
        return ORDERS_EPOCH.plusSeconds(60L * i);
    }

    /** JSON lines: {@code {"id":i,"name":"p-i","score":i.5,"vip":<i divisible by 3>}}. */
    public static String people(int from, int to) {
        return InputFiles.lines(null, from, to,
                i -> "{\"id\":" + i + ",\"name\":\"p-" + i + "\",\"score\":" + i + ".5,\"vip\":" + (i % 3 == 0) + "}");
    }

    /** JSON lines in the shape of {@link InputFiles#numbered}: {@code {"id":i,"name":"name-i","amount":i.25}}. */
    public static String numberedJson(int from, int to) {
        return InputFiles.lines(null, from, to,
                i -> "{\"id\":" + i + ",\"name\":\"name-" + i + "\",\"amount\":" + i + ".25}");
    }

    /**
     * A CSV of {@code rows} notes ({@code id,note}) whose quoted fields hold delimiters, doubled quotes, LF and
     * CRLF line breaks: see {@link #note(int)}.
     */
    public static String notes(int rows) {
        StringBuilder text = new StringBuilder("id,note\n");
        for (int i = 1; i <= rows; i++) {
            String note = note(i);
            boolean quote = note.contains(",") || note.contains("\"") || note.contains("\n");
            text.append(i).append(',')
                    .append(quote ? "\"" + note.replace("\"", "\"\"") + "\"" : note)
                    .append('\n');
        }
        return text.toString();
    }

    /** Note {@code i} as read: a quote and a comma, a plain text, or a line break (CRLF for note 10). */
    public static String note(int i) {
        if (i == 10) {
            return "alpha\r\nbeta";
        }
        return switch (i % 3) {
            case 1 -> "say \"hi\", ok";
            case 2 -> "plain " + i;
            default -> "first line\nsecond line " + i;
        };
    }

    /** The 1-based line on which note {@code i} starts: line 1 is the header, and a line break adds a line. */
    public static List<Integer> noteLines(int rows) {
        List<Integer> lines = new ArrayList<>();
        int line = 2;
        for (int i = 1; i <= rows; i++) {
            lines.add(line);
            line += 1 + (note(i).contains("\n") ? 1 : 0);
        }
        return lines;
    }

    /** CSV without a header: {@code i,v-i}. */
    public static String headerless(int from, int to) {
        return InputFiles.lines(null, from, to, i -> i + ",v-" + i);
    }

    /** Tab-separated with a header {@code id, city, pop}; the city holds a comma: {@code Town i, ST}. */
    public static String cities(int from, int to) {
        return InputFiles.lines("id\tcity\tpop", from, to, i -> i + "\tTown " + i + ", ST\t" + i * 1000);
    }

    /** Bytes that start like gzip (magic number, deflate, no flags) but do not decompress. */
    public static byte[] brokenGzip() {
        byte[] head = {0x1f, (byte) 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03};
        byte[] junk = "\u00ff\u00ffthis is not deflate data at all".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[head.length + junk.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(junk, 0, bytes, head.length, junk.length);
        return bytes;
    }
}

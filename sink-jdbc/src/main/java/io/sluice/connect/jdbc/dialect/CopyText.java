package io.sluice.connect.jdbc.dialect;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/**
 * Rows in the CSV form of PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)}: an unquoted empty field is NULL,
 * every text value is quoted (so an empty string stays an empty string), bytes are {@code \x} hex, instants ISO-8601
 * in UTC. The server parses each field with the column's own input function, so uuid, jsonb, numeric and timestamp
 * columns take their values without a cast.
 */
final class CopyText {

    private static final HexFormat HEX = HexFormat.of();

    private CopyText() {
    }

    /** @return the rows as COPY CSV text, one line per row */
    static String csv(List<Object[]> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 64);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                field(out, row[i]);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void field(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number || value instanceof Boolean) {
            out.append(value instanceof BigDecimal d ? d.toPlainString() : value.toString());
        } else if (value instanceof byte[] bytes) {
            out.append("\\x").append(HEX.formatHex(bytes));
        } else if (value instanceof Instant instant) {
            out.append(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else {
            quoted(out, value.toString());
        }
    }

    private static void quoted(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }
}

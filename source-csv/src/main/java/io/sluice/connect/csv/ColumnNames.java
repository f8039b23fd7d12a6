package io.sluice.connect.csv;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns header names into field names every converter accepts (Avro, Protobuf and JSON Schema alike).
 *
 * <p>Rules: each character outside {@code [A-Za-z0-9_]} becomes {@code _}; a name starting with a digit gets a
 * leading {@code _}; an empty name becomes {@code column_<n>} (its 1-based position); a name already taken gets the
 * first free suffix {@code _2}, {@code _3}, ... So {@code "order id", "2nd", "", "order-id"} become
 * {@code order_id, _2nd, column_3, order_id_2}.
 */
final class ColumnNames {

    private ColumnNames() {
    }

    /**
     * @param name a header name or a configured column name
     * @return the name with the character rules applied (no de-duplication); empty stays empty
     */
    static String safe(String name) {
        StringBuilder out = new StringBuilder(name.length() + 1);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
            out.append(ok ? c : '_');
        }
        if (out.length() > 0 && Character.isDigit(out.charAt(0))) {
            out.insert(0, '_');
        }
        return out.toString();
    }

    /**
     * @param header the names as written in the file
     * @return safe, unique names in the same order
     */
    static List<String> safeUnique(List<String> header) {
        List<String> names = new ArrayList<>(header.size());
        Set<String> used = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i);
            String base = safe(raw == null ? "" : raw.strip());
            if (base.isEmpty()) {
                base = "column_" + (i + 1);
            }
            String name = base;
            for (int n = 2; used.contains(name); n++) {
                name = base + "_" + n;
            }
            used.add(name);
            names.add(name);
        }
        return names;
    }

    /**
     * @param width the number of columns of a file without a header
     * @return {@code column_1} .. {@code column_<width>}
     */
    static List<String> numbered(int width) {
        List<String> names = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
            names.add("column_" + i);
        }
        return names;
    }
}

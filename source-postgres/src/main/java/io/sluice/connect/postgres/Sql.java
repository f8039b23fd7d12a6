package io.sluice.connect.postgres;

import java.util.List;
import java.util.stream.Collectors;

/** SQL text helpers: identifiers are always quoted, values always bound as parameters. */
final class Sql {

    private Sql() {
    }

    /** @return {@code name} as a quoted identifier, e.g. {@code "Order ""x"""} */
    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** @return the quoted columns, comma-separated */
    static String columns(List<String> names) {
        return names.stream().map(Sql::quote).collect(Collectors.joining(", "));
    }

    /** @return a row constructor of the quoted columns, e.g. {@code ("a", "b")} */
    static String row(List<String> names) {
        return "(" + columns(names) + ")";
    }
}

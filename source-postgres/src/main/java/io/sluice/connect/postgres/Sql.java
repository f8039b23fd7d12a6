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

    /**
     * @param names  the columns
     * @param prefix the alias prefix; column i is aliased {@code "<prefix><i>"}
     * @return the columns in text form, aliased, e.g. {@code "id"::text AS "__sluice_k0"}: without the alias an
     *         {@code ORDER BY "id"} would sort by the text output column of that name
     */
    static String asText(List<String> names, String prefix) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(quote(names.get(i))).append("::text AS ").append(quote(prefix + i));
        }
        return sql.toString();
    }
}

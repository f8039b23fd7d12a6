package io.sluice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Parsing helpers shared by the benchmarks' command-line options. */
final class BenchArgs {

    private BenchArgs() {
    }

    /** The argument after {@code args[i - 1]}, the option {@code name}. */
    static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    /** A positive integer, underscores allowed. */
    static long positive(String text, String name) {
        try {
            long v = Long.parseLong(text.replace("_", ""));
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the argument's name
        }
        throw new IllegalArgumentException(name + " must be a positive integer, got '" + text + "'");
    }

    /** A comma-separated, non-empty list, each element parsed. */
    static <T> List<T> list(String text, Function<String, T> parser) {
        List<T> result = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                result.add(parser.apply(part.trim()));
            }
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("empty list '" + text + "'");
        }
        return List.copyOf(result);
    }

    /** Puts {@code KEY=VALUE} into {@code props}. */
    static void put(Map<String, String> props, String keyValue, String name) {
        int eq = keyValue.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(name + " needs KEY=VALUE, got '" + keyValue + "'");
        }
        props.put(keyValue.substring(0, eq), keyValue.substring(eq + 1));
    }
}

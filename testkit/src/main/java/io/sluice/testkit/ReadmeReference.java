package io.sluice.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps a connector's README option table equal to the reference generated from its ConfigDef: the table stands
 * between {@value #START} and {@value #END} in the module's {@code README.md}. Run the module's test with
 * {@code -Dsluice.docs.update=true} to rewrite the table after changing a key.
 *
 * <pre>{@code
 * ReadmeReference.assertUpToDate("sink-jdbc",
 *         ConfigDocs.markdown("JDBC sink connector configuration", JdbcSinkConfig.CONFIG_DEF, JdbcSinkConfig.ALIASES),
 *         JdbcSinkConfig.CONFIG_DEF.names());
 * }</pre>
 */
public final class ReadmeReference {

    static final String START = "<!-- config-reference:start -->\n";
    static final String END = "<!-- config-reference:end -->";

    private ReadmeReference() {
    }

    /**
     * Asserts that {@code README.md} of the working directory (the module, under Maven) holds {@code generated}
     * without its title line, and names every key.
     *
     * @param module    the module, for the message that says how to regenerate the table
     * @param generated the reference document generated from the ConfigDef, a title line first
     * @param keys      every key of the ConfigDef
     */
    public static void assertUpToDate(String module, String generated, Collection<String> keys) throws IOException {
        Path readme = Path.of("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertTrue(start >= 0 && end > start, module + "/README.md lacks the config-reference markers");
        // The generated document's title line is replaced by the README's own heading.
        String table = generated.substring(generated.indexOf('\n') + 1).strip() + "\n";
        String current = text.substring(start + START.length(), end);
        if (Boolean.getBoolean("sluice.docs.update")) {
            Files.writeString(readme, text.substring(0, start + START.length()) + table + text.substring(end),
                    StandardCharsets.UTF_8);
            current = table;
        }
        assertEquals(table, current, module + "/README.md is out of date; run: mvn -pl " + module
                + " test -Dtest=ReadmeReferenceTest -Dsluice.docs.update=true");
        for (String key : keys) {
            assertTrue(current.contains("`" + key + "`"), module + "/README.md does not name `" + key + "`");
        }
    }
}

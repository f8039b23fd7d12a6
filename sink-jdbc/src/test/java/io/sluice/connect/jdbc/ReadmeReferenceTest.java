package io.sluice.connect.jdbc;

import io.sluice.connect.common.config.ConfigDocs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration reference is generated from the ConfigDef. Run with {@code -Dsluice.docs.update=true} to
 * rewrite it after changing a key.
 */
class ReadmeReferenceTest {

    private static final String START = "<!-- config-reference:start -->\n";
    private static final String END = "<!-- config-reference:end -->";

    @Test
    void readmeListsEveryOptionAsTheConfigDefDefinesIt() throws IOException {
        Path readme = Path.of("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as("README.md lacks the config-reference markers").isNotNegative();
        assertThat(end).isGreaterThan(start);

        String generated = ConfigDocs.markdown("JDBC sink connector configuration", JdbcSinkConfig.CONFIG_DEF,
                JdbcSinkConfig.ALIASES);
        // The generated document's title line is replaced by the README's own heading.
        String table = generated.substring(generated.indexOf('\n') + 1).strip() + "\n";
        String current = text.substring(start + START.length(), end);

        if (Boolean.getBoolean("sluice.docs.update")) {
            Files.writeString(readme, text.substring(0, start + START.length()) + table + text.substring(end),
                    StandardCharsets.UTF_8);
            current = table;
        }
        assertThat(current)
                .as("sink-jdbc/README.md is out of date; run: mvn -pl sink-jdbc test -Dtest=ReadmeReferenceTest "
                        + "-Dsluice.docs.update=true")
                .isEqualTo(table);
        for (String key : JdbcSinkConfig.CONFIG_DEF.names()) {
            assertThat(current).contains("`" + key + "`");
        }
    }
}

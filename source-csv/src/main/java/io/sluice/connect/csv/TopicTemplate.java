package io.sluice.connect.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of {@code topic}: a fixed topic name, or a template with placeholders resolved once per file:
 * <ul>
 *   <li>{@code ${file}}: the file name without its extensions: a trailing {@code .gz}/{@code .gzip}, then one
 *       more extension ({@code orders.2024.csv.gz} gives {@code orders.2024});</li>
 *   <li>{@code ${filename}}: the whole file name;</li>
 *   <li>{@code ${dir}}: the name of the directory holding the file.</li>
 * </ul>
 * Characters a topic name cannot hold (anything but {@code [A-Za-z0-9._-]}) are replaced by {@code _} in the
 * substituted text, and the result is cut to 249 characters, Kafka's limit.
 * Example: {@code raw-${dir}-${file}} for {@code /data/in/sales/May orders.csv} is {@code raw-sales-May_orders}.
 */
final class TopicTemplate {

    static final String FILE = "${file}";
    static final String FILENAME = "${filename}";
    static final String DIR = "${dir}";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final int MAX_TOPIC_LENGTH = 249;

    private final String template;
    private final boolean fixed;

    private TopicTemplate(String template) {
        this.template = template;
        this.fixed = !template.contains("${");
    }

    /**
     * @param template the configured topic
     * @return the template
     * @throws IllegalArgumentException naming an unknown placeholder or an invalid fixed topic name
     */
    static TopicTemplate parse(String template) {
        String trimmed = template.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("must not be empty");
        }
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(trimmed);
        while (m.find()) {
            if (!List.of(FILE, FILENAME, DIR).contains(m.group())) {
                unknown.add(m.group());
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("has unknown placeholders " + unknown + "; use ${file}, ${filename} "
                    + "or ${dir}");
        }
        String literal = PLACEHOLDER.matcher(trimmed).replaceAll("x");
        if (literal.contains("${") || !literal.equals(sanitize(literal))) {
            throw new IllegalArgumentException("'" + trimmed + "' holds characters a topic name cannot have; use "
                    + "letters, digits, '.', '_' and '-'");
        }
        return new TopicTemplate(trimmed);
    }

    /** @return whether the topic is the same for every file */
    boolean isFixed() {
        return fixed;
    }

    /**
     * @param file an absolute file path
     * @return the topic for records of that file
     */
    String resolve(Path file) {
        if (fixed) {
            return template;
        }
        String fileName = file.getFileName().toString();
        Path parent = file.getParent();
        String dir = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
        String topic = template
                .replace(FILE, sanitize(baseName(fileName)))
                .replace(FILENAME, sanitize(fileName))
                .replace(DIR, sanitize(dir));
        return topic.length() <= MAX_TOPIC_LENGTH ? topic : topic.substring(0, MAX_TOPIC_LENGTH);
    }

    /**
     * @param fileName a file name
     * @return the name without a trailing {@code .gz}/{@code .gzip} and then without one more extension
     */
    static String baseName(String fileName) {
        String name = fileName;
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        } else if (lower.endsWith(".gzip")) {
            name = name.substring(0, name.length() - 5);
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String sanitize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == '-';
            out.append(ok ? c : '_');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return template;
    }
}

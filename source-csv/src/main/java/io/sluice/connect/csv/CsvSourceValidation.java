package io.sluice.connect.csv;

import io.sluice.connect.common.config.ConfigEnums;
import io.sluice.connect.common.config.ValidationResults;
import io.sluice.connect.common.config.Validators;
import io.sluice.connect.common.errors.BadRecordConfig;
import io.sluice.connect.common.format.CsvOptions;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.sluice.connect.csv.CsvSourceConfig.AFTER_READ_CONFIG;
import static io.sluice.connect.csv.CsvSourceConfig.CSV_DELIMITER_CONFIG;
import static io.sluice.connect.csv.CsvSourceConfig.CSV_ESCAPE_CONFIG;
import static io.sluice.connect.csv.CsvSourceConfig.CSV_QUOTE_CONFIG;
import static io.sluice.connect.csv.CsvSourceConfig.ERROR_PATH_CONFIG;
import static io.sluice.connect.csv.CsvSourceConfig.FINISHED_PATH_CONFIG;
import static io.sluice.connect.csv.CsvSourceConfig.INPUT_ENCODING_CONFIG;
import static io.sluice.connect.csv.CsvSourceConfig.INPUT_PATHS_CONFIG;
import static io.sluice.connect.csv.CsvSourceConfig.INPUT_RECURSIVE_CONFIG;
import static io.sluice.connect.csv.CsvSourceConfig.KEY_COLUMNS_CONFIG;
import static io.sluice.connect.csv.CsvSourceConfig.SCHEMA_JSON_CONFIG;
import static io.sluice.connect.csv.CsvSourceConfig.SCHEMA_MODE_CONFIG;
import static io.sluice.connect.csv.CsvSourceConfig.TOPIC_CONFIG;
import static io.sluice.connect.csv.CsvSourceConfig.VALUE_FORMAT_CONFIG;

/**
 * The rules of {@link CsvSourceConfig} that span several keys or look at the file system, each reported on the key
 * to change and naming the fix. {@link CsvSourceConnector#validate} reports all of them; the config constructor
 * enforces the cross-field ones (the file system may change after validation, so tasks log instead).
 */
final class CsvSourceValidation {

    /** Connect's own key for the connector's value converter. */
    static final String VALUE_CONVERTER = "value.converter";
    private static final String JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";
    private static final String STRING_CONVERTER = "org.apache.kafka.connect.storage.StringConverter";

    /**
     * An error attached to a key.
     *
     * @param key     the key to change
     * @param message what is wrong and how to fix it
     */
    record Issue(String key, String message) {
        @Override
        public String toString() {
            return key + ": " + message;
        }
    }

    private CsvSourceValidation() {
    }

    /**
     * Validates a configuration for {@code Connector.validate()}: the {@code ConfigDef}'s own checks, alias
     * conflicts, cross-field rules and the directories.
     *
     * @param props the user's configuration, aliases not yet applied
     * @return every key's value, errors attached to the key each concerns (an alias conflict to both names)
     */
    static Config validate(Map<String, String> props) {
        List<ConfigValue> conflicts = CsvSourceConfig.ALIASES.conflicts(props);
        Map<String, String> effective = withoutConflicts(props, conflicts);
        Config result = new Config(CsvSourceConfig.CONFIG_DEF.validate(effective));
        ValidationResults.addErrors(result, conflicts);
        BadRecordConfig.validate(effective, result);
        Map<String, Object> parsed = new HashMap<>();
        for (ConfigValue value : result.configValues()) {
            if (value.errorMessages().isEmpty()) {
                parsed.put(value.name(), value.value());
            }
        }
        List<Issue> issues = new ArrayList<>(crossField(parsed));
        issues.addAll(converterFit(parsed, effective.get(VALUE_CONVERTER)));
        issues.addAll(fileSystem(parsed));
        issues.forEach(issue -> ValidationResults.addError(result, issue.key(), issue.message()));
        return result;
    }

    /** The props with every alias renamed, except aliases in conflict, which are dropped (their error is kept). */
    private static Map<String, String> withoutConflicts(Map<String, String> props, List<ConfigValue> conflicts) {
        if (conflicts.isEmpty()) {
            return CsvSourceConfig.ALIASES.apply(props);
        }
        Map<String, String> effective = new LinkedHashMap<>(props);
        effective.keySet().removeIf(name -> CsvSourceConfig.ALIASES.aliases().containsKey(name)
                && conflicts.stream().anyMatch(c -> c.name().equals(name)));
        return CsvSourceConfig.ALIASES.apply(effective);
    }

    /**
     * A text value format is JSON or text already; {@code JsonConverter} would write it again, as one quoted JSON
     * string. Only a converter set on the connector is seen: the worker's default is not part of its configuration.
     *
     * @param parsed    parsed values by key
     * @param converter the connector's {@code value.converter}; null when it uses the worker's
     * @return the problem, if any
     */
    static List<Issue> converterFit(Map<String, ?> parsed, String converter) {
        String format = string(parsed, VALUE_FORMAT_CONFIG);
        if (format == null || converter == null || !JSON_CONVERTER.equals(converter.trim())
                || ConfigEnums.name(ValueFormat.STRUCT).equalsIgnoreCase(format.trim())) {
            return List.of();
        }
        return List.of(new Issue(VALUE_FORMAT_CONFIG, "value.format=" + format.trim() + " makes the value text, which "
                + "value.converter=" + JSON_CONVERTER + " would write again as one quoted JSON string: set "
                + "value.converter=" + STRING_CONVERTER + ", or value.format=struct to have JsonConverter write the "
                + "fields"));
    }

    /**
     * @param parsed parsed values by key; a key whose value failed its own validation is absent
     * @return the cross-field rules that fail
     */
    static List<Issue> crossField(Map<String, ?> parsed) {
        List<Issue> issues = new ArrayList<>();
        checkCsvCharacters(parsed, issues);
        String encoding = string(parsed, INPUT_ENCODING_CONFIG);
        if (encoding != null && Charset.isSupported(encoding.trim())
                && !CsvOptions.supports(Charset.forName(encoding.trim()))) {
            issues.add(new Issue(INPUT_ENCODING_CONFIG, "'" + encoding + "' is not ASCII-compatible: use UTF-8 or a "
                    + "single-byte charset such as ISO-8859-1 or windows-1252 (re-encode the files if needed)"));
        }
        checkSchema(parsed, issues);
        checkFinishedFiles(parsed, issues);
        String badTopic = string(parsed, BadRecordConfig.BAD_RECORD_TOPIC);
        String topic = string(parsed, TOPIC_CONFIG);
        if (badTopic != null && !badTopic.isBlank() && badTopic.trim().equals(topic == null ? null : topic.trim())) {
            issues.add(new Issue(BadRecordConfig.BAD_RECORD_TOPIC, "is the same as topic '" + topic.trim()
                    + "': bad records would mix with good ones; name a separate topic"));
        }
        return issues;
    }

    private static void checkCsvCharacters(Map<String, ?> parsed, List<Issue> issues) {
        Character delimiter = character(parsed, CSV_DELIMITER_CONFIG);
        Character quote = character(parsed, CSV_QUOTE_CONFIG);
        Character escape = character(parsed, CSV_ESCAPE_CONFIG);
        Map<String, Character> chars = new LinkedHashMap<>();
        chars.put(CSV_DELIMITER_CONFIG, delimiter);
        chars.put(CSV_QUOTE_CONFIG, quote);
        chars.put(CSV_ESCAPE_CONFIG, escape);
        chars.forEach((key, c) -> {
            if (c != null && (c >= 0x80 || c == '\r' || c == '\n')) {
                issues.add(new Issue(key, "must be an ASCII character other than CR and LF"));
            }
        });
        if (delimiter != null && delimiter.equals(quote)) {
            issues.add(new Issue(CSV_QUOTE_CONFIG, "equals csv.delimiter ('" + delimiter + "'): choose a different "
                    + "quote or delimiter"));
        }
        if (escape != null && escape.equals(delimiter)) {
            issues.add(new Issue(CSV_ESCAPE_CONFIG, "equals csv.delimiter ('" + delimiter + "'): choose a different "
                    + "escape, or leave it empty"));
        }
    }

    private static void checkSchema(Map<String, ?> parsed, List<Issue> issues) {
        String mode = string(parsed, SCHEMA_MODE_CONFIG);
        String json = string(parsed, SCHEMA_JSON_CONFIG);
        boolean provided = ConfigEnums.name(SchemaMode.PROVIDED).equalsIgnoreCase(mode == null ? "" : mode.trim());
        boolean hasJson = json != null && !json.isBlank();
        if (provided && parsed.containsKey(SCHEMA_JSON_CONFIG) && !hasJson) {
            issues.add(new Issue(SCHEMA_JSON_CONFIG, "must be set when schema.mode=provided, e.g. "
                    + "{\"columns\":[{\"name\":\"id\",\"type\":\"int64\",\"optional\":false}]}; or choose "
                    + "schema.mode=infer"));
        }
        if (mode != null && !provided && hasJson) {
            issues.add(new Issue(SCHEMA_JSON_CONFIG, "is set but schema.mode is '" + mode.trim() + "', so it would be "
                    + "ignored: set schema.mode=provided, or remove schema.json"));
        }
        if (provided && hasJson) {
            ProvidedSchema schema = ProvidedSchema.parse(json);
            for (String column : list(parsed, KEY_COLUMNS_CONFIG)) {
                if (!column.isBlank() && !schema.hasColumn(column.trim())) {
                    issues.add(new Issue(KEY_COLUMNS_CONFIG, "names '" + column.trim() + "', which schema.json does "
                            + "not define: add the column to schema.json or remove it from key.columns"));
                }
            }
        }
    }

    private static void checkFinishedFiles(Map<String, ?> parsed, List<Issue> issues) {
        String afterRead = string(parsed, AFTER_READ_CONFIG);
        String finished = string(parsed, FINISHED_PATH_CONFIG);
        boolean move = ConfigEnums.name(AfterRead.MOVE).equalsIgnoreCase(afterRead == null ? "" : afterRead.trim());
        boolean hasFinished = finished != null && !finished.isBlank();
        if (move && parsed.containsKey(FINISHED_PATH_CONFIG) && !hasFinished) {
            issues.add(new Issue(FINISHED_PATH_CONFIG, "must be set when after.read=move: name the directory to move "
                    + "finished files to, or choose after.read=leave or delete"));
        }
        if (afterRead != null && !move && hasFinished) {
            issues.add(new Issue(FINISHED_PATH_CONFIG, "is set but after.read is '" + afterRead.trim() + "', so no "
                    + "file would be moved there: set after.read=move, or remove finished.path"));
        }
        boolean recursive = Boolean.TRUE.equals(parsed.get(INPUT_RECURSIVE_CONFIG));
        for (String key : List.of(FINISHED_PATH_CONFIG, ERROR_PATH_CONFIG)) {
            String target = string(parsed, key);
            if (target == null || target.isBlank()) {
                continue;
            }
            Path dir = CsvSourceConfig.absolute(target);
            for (String input : list(parsed, INPUT_PATHS_CONFIG)) {
                Path in = CsvSourceConfig.absolute(input);
                if (dir.equals(in) || recursive && dir.startsWith(in)) {
                    issues.add(new Issue(key, "'" + target + "' is " + (dir.equals(in) ? "" : "inside ")
                            + "the input directory '" + input + "', so moved files would be read again: choose a "
                            + "directory outside the input paths"));
                }
            }
        }
    }

    /**
     * @param parsed parsed values by key
     * @return problems with the input, finished and error directories as they are now
     */
    static List<Issue> fileSystem(Map<String, ?> parsed) {
        List<Issue> issues = new ArrayList<>();
        for (String input : list(parsed, INPUT_PATHS_CONFIG)) {
            String problem = DirectoryHealthCheck.problem(CsvSourceConfig.absolute(input));
            if (problem != null) {
                issues.add(new Issue(INPUT_PATHS_CONFIG, problem + ": create it, grant the worker read access, or "
                        + "fix input.paths"));
            }
        }
        for (String key : List.of(FINISHED_PATH_CONFIG, ERROR_PATH_CONFIG)) {
            String target = string(parsed, key);
            if (target != null && !target.isBlank()) {
                Path dir = CsvSourceConfig.absolute(target);
                Path existing = dir;
                while (existing != null && !Files.exists(existing)) {
                    existing = existing.getParent();
                }
                if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
                    issues.add(new Issue(key, "'" + dir + "' cannot be created or written by the worker: "
                            + "create it with write access for the worker, or choose another directory"));
                }
            }
        }
        return issues;
    }

    /** @return a validator that parses {@code schema.json} when it is set */
    static ConfigDef.Validator schemaJson() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value != null && !value.toString().isBlank()) {
                    try {
                        ProvidedSchema.parse(value.toString());
                    } catch (IllegalArgumentException e) {
                        throw new ConfigException(name, value, e.getMessage());
                    }
                }
            }

            @Override
            public String toString() {
                return "a JSON schema document {\"columns\":[{\"name\":..,\"type\":..,\"optional\":..}]}, or empty";
            }
        };
    }

    /** @return a validator of a fixed topic name or a template */
    static ConfigDef.Validator topicTemplate() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value == null) {
                    return;
                }
                try {
                    TopicTemplate.parse(value.toString());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, e.getMessage());
                }
            }

            @Override
            public String toString() {
                return "a topic name, or a template with ${file}, ${filename}, ${dir}";
            }
        };
    }

    private static String string(Map<String, ?> parsed, String key) {
        Object value = parsed.get(key);
        return value == null ? null : value.toString();
    }

    private static List<String> list(Map<String, ?> parsed, String key) {
        Object value = parsed.get(key);
        if (!(value instanceof List<?> values)) {
            return List.of();
        }
        return values.stream().map(String::valueOf).toList();
    }

    private static Character character(Map<String, ?> parsed, String key) {
        String value = string(parsed, key);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Validators.singleCharValue(key, value);
        } catch (ConfigException e) {
            return null;
        }
    }
}

package io.sluice.connect.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The Maven version of the Sluice build, as connectors and plugins report it from {@code version()}.
 *
 * <p>The value comes from {@code io/sluice/connect/common/sluice-version.properties}, which the build filters with
 * {@code ${project.version}}.
 */
public final class Version {

    /** Reported when the resource is missing or was not filtered, e.g. when classes run straight from an IDE. */
    public static final String UNKNOWN = "unknown";

    static final String RESOURCE = "sluice-version.properties";

    private static final String VERSION = load();

    private Version() {
    }

    /**
     * Returns the version of this build.
     *
     * @return the Maven project version, or {@value #UNKNOWN} when the build-generated resource is unavailable
     */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties props = new Properties();
            props.load(in);
            return parse(props.getProperty("version"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    static String parse(String raw) {
        if (raw == null || raw.isBlank() || raw.contains("${")) {
            return UNKNOWN;
        }
        return raw.trim();
    }
}

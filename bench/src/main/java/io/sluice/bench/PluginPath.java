package io.sluice.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builds the worker's {@code plugin.path} as a user would: the connector ZIP unpacked into its own
 * directory, and Kafka's connect-file jar in another. Nothing of a connector is on the classpath.
 */
public final class PluginPath {

    /** Where the source-csv build leaves its Confluent-Hub ZIP, relative to the repository root. */
    public static final String SOURCE_CSV_PACKAGES = "source-csv/target/components/packages";

    /** Where the bench build copies Kafka's connect-file jar, relative to the repository root. */
    public static final String CONNECT_FILE_DIR = "bench/target/plugins/connect-file";

    /** Where bench/run-jdbc builds Debezium's JDBC sink plugin, relative to the repository root. */
    public static final String DEBEZIUM_JDBC_DIR = "bench/baselines/debezium-jdbc/target/plugin/debezium-jdbc";

    /** Where bench/run-postgres builds Debezium's PostgreSQL plugin, relative to the repository root. */
    public static final String DEBEZIUM_POSTGRES_DIR =
        "bench/baselines/debezium-postgres/target/plugin/debezium-postgres";

    private PluginPath() {
    }

    /** The newest {@code sluice-source-csv-*.zip} of the source-csv build, if there is one. */
    public static Optional<Path> sourceCsvZip(Path root) throws IOException {
        return connectorZip(root, "source-csv");
    }

    /** The newest {@code sluice-<module>-*.zip} that the connector module's build left, if there is one. */
    public static Optional<Path> connectorZip(Path root, String module) throws IOException {
        Path dir = root.resolve(module).resolve("target/components/packages");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        String name = "sluice-" + module + "-.*\\.zip";
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(name))
                .max(Comparator.comparing(PluginPath::modified));
        }
    }

    /**
     * Recreates {@code pluginPath} holding connect-file and, when given, the unpacked ZIP.
     *
     * @throws IOException when the connect-file jar is missing: the bench module was not built
     */
    public static Path prepare(Path root, Path pluginPath, Optional<Path> zip) throws IOException {
        return prepare(root, pluginPath, zip.map(List::of).orElse(List.of()));
    }

    /** Recreates {@code pluginPath} holding connect-file and each of the unpacked {@code zips}. */
    public static Path prepare(Path root, Path pluginPath, List<Path> zips) throws IOException {
        deleteRecursively(pluginPath);
        Path connectFile = root.resolve(CONNECT_FILE_DIR);
        if (!Files.isDirectory(connectFile)) {
            throw new IOException(connectFile + " is missing: build the bench module first ("
                + "mvn -pl bench package -DskipTests)");
        }
        Path fileTarget = Files.createDirectories(pluginPath.resolve("connect-file"));
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(connectFile, "*.jar")) {
            for (Path jar : jars) {
                Files.copy(jar, fileTarget.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (Path zip : zips) {
            unzip(zip, pluginPath);
        }
        return pluginPath;
    }

    /** Copies the plugin directory {@code source} (a flat directory of jars) to {@code target}. */
    public static void copyDirectory(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new IOException(source + " is missing: build it with mvn -f " + source.getParent().getParent()
                + "/pom.xml package");
        }
        Files.createDirectories(target);
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(source, "*.jar")) {
            for (Path jar : jars) {
                Files.copy(jar, target.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static void unzip(Path zip, Path target) throws IOException {
        Path base = target.toAbsolutePath().normalize();
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = zf.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                Path out = base.resolve(e.getName()).normalize();
                if (!out.startsWith(base)) {
                    throw new IOException("ZIP entry outside the target directory: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = zf.getInputStream(e)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

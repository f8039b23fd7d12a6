package io.sluice.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The built plugin ZIPs that integration tests install into a worker's {@code plugin.path}.
 *
 * <p>A worker cannot load a ZIP: each one is unpacked into its own subdirectory of the plugin path, which
 * Connect then treats as one plugin location with its own class loader, as it would after a user unzipped
 * the release into their worker.
 */
public final class PluginZips {

    /**
     * System property, set by failsafe, listing the ZIPs to install: comma-separated paths, each a
     * {@code .zip} file or a directory whose {@code .zip} files are all taken.
     */
    public static final String ZIPS_PROPERTY = "sluice.plugin.zips";

    private PluginZips() {
    }

    /**
     * The ZIPs named by {@value #ZIPS_PROPERTY}.
     *
     * @throws IllegalStateException when the property is missing or names nothing that exists
     */
    public static List<Path> fromSystemProperty() {
        String value = System.getProperty(ZIPS_PROPERTY, "").trim();
        if (value.isEmpty()) {
            throw new IllegalStateException("System property " + ZIPS_PROPERTY + " is not set. Integration tests "
                    + "run the connectors from their built ZIPs: run them through Maven (mvn verify), whose failsafe "
                    + "configuration builds the ZIPs first and passes their paths.");
        }
        return parse(value);
    }

    /** The ZIPs named by a comma-separated list of ZIP files and directories of ZIPs. */
    public static List<Path> parse(String commaSeparated) {
        List<Path> zips = new ArrayList<>();
        for (String entry : commaSeparated.split(",")) {
            if (!entry.isBlank()) {
                zips.addAll(expand(Path.of(entry.trim())));
            }
        }
        if (zips.isEmpty()) {
            throw new IllegalStateException("No plugin ZIP found in '" + commaSeparated + "'");
        }
        return List.copyOf(zips);
    }

    private static List<Path> expand(Path entry) {
        if (Files.isRegularFile(entry)) {
            return List.of(entry.toAbsolutePath());
        }
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.list(entry)) {
                List<Path> zips = files.filter(f -> f.getFileName().toString().endsWith(".zip"))
                        .map(Path::toAbsolutePath).sorted().toList();
                if (zips.isEmpty()) {
                    throw new IllegalStateException("Directory " + entry.toAbsolutePath() + " holds no .zip file; "
                            + "build the connector modules first (mvn package)");
                }
                return zips;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + entry, e);
            }
        }
        throw new IllegalStateException("Plugin ZIP " + entry.toAbsolutePath() + " does not exist; build it first "
                + "(mvn package on the connector module)");
    }

    /**
     * Unpacks each ZIP into its own subdirectory of {@code pluginPath}, named after the ZIP file.
     *
     * @return the subdirectories, one per ZIP
     */
    public static List<Path> installAll(List<Path> zips, Path pluginPath) {
        List<Path> installed = new ArrayList<>();
        for (Path zip : zips) {
            installed.add(install(zip, pluginPath));
        }
        return installed;
    }

    /** Unpacks one ZIP into {@code pluginPath/<zip name without .zip>} and returns that directory. */
    public static Path install(Path zip, Path pluginPath) {
        String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
        Path target = pluginPath.resolve(name).toAbsolutePath().normalize();
        try {
            Files.createDirectories(target);
            try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
                for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                    extract(entries, entry, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + zip + " into " + target, e);
        }
        return target;
    }

    private static void extract(ZipInputStream in, ZipEntry entry, Path target) throws IOException {
        Path out = target.resolve(entry.getName()).normalize();
        // A ZIP entry like "../x" must not write outside the plugin directory.
        if (!out.startsWith(target)) {
            throw new IOException("ZIP entry " + entry.getName() + " points outside " + target);
        }
        if (entry.isDirectory()) {
            Files.createDirectories(out);
        } else {
            Files.createDirectories(out.getParent());
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Every regular file below {@code dir}, as paths relative to it with '/' separators, sorted. */
    public static List<String> listFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> dir.relativize(f).toString().replace(File.separatorChar, '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }
}

package io.sluice.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A built plugin ZIP read as a user would unpack it: its entries, its manifest, the plugins its jars declare. */
final class PluginZip {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CONNECTOR_SERVICES = List.of(
            "META-INF/services/org.apache.kafka.connect.source.SourceConnector",
            "META-INF/services/org.apache.kafka.connect.sink.SinkConnector");

    private final Path file;
    private final Map<String, byte[]> entries;

    private PluginZip(Path file, Map<String, byte[]> entries) {
        this.file = file;
        this.entries = entries;
    }

    static PluginZip read(Path file) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), zip.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return new PluginZip(file, entries);
    }

    Path file() {
        return file;
    }

    /** The single top-level directory every entry lives in, e.g. {@code sluice-source-csv-1.0.0}. */
    String baseDirectory() {
        Set<String> tops = new TreeSet<>();
        entries.keySet().forEach(name -> tops.add(name.substring(0, name.indexOf('/') + 1)));
        if (tops.size() != 1 || tops.contains("")) {
            throw new AssertionError(file + " must hold exactly one top-level directory, has " + tops);
        }
        return tops.iterator().next().replace("/", "");
    }

    /** Entry names below the base directory, e.g. {@code lib/x.jar}. */
    List<String> files() {
        String prefix = baseDirectory() + "/";
        return entries.keySet().stream().map(n -> n.substring(prefix.length())).sorted().toList();
    }

    /** File names directly in {@code dir} (e.g. {@code lib}). */
    List<String> filesIn(String dir) {
        return files().stream().filter(f -> f.startsWith(dir + "/"))
                .map(f -> f.substring(dir.length() + 1)).filter(f -> !f.contains("/")).sorted().toList();
    }

    String text(String path) {
        byte[] bytes = entries.get(baseDirectory() + "/" + path);
        if (bytes == null) {
            throw new AssertionError(file.getFileName() + " has no " + path + "; it has " + files());
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    JsonNode json(String path) {
        try {
            return JSON.readTree(text(path));
        } catch (IOException e) {
            throw new AssertionError(path + " in " + file.getFileName() + " is not valid JSON", e);
        }
    }

    /** Connector classes named by the ServiceLoader manifests of the jars in {@code lib/}. */
    Set<String> declaredConnectors() {
        Set<String> classes = new TreeSet<>();
        for (String jar : filesIn("lib")) {
            Map<String, byte[]> inner = jarEntries(jar);
            for (String service : CONNECTOR_SERVICES) {
                byte[] manifest = inner.get(service);
                if (manifest != null) {
                    classes.addAll(serviceLines(manifest));
                }
            }
        }
        return classes;
    }

    /** Whether some jar in {@code lib/} holds the class file of {@code className}. */
    boolean containsClass(String className) {
        String entry = className.replace('.', '/') + ".class";
        return filesIn("lib").stream().anyMatch(jar -> jarEntries(jar).containsKey(entry));
    }

    private Map<String, byte[]> jarEntries(String jar) {
        Map<String, byte[]> inner = new LinkedHashMap<>();
        byte[] bytes = entries.get(baseDirectory() + "/lib/" + jar);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                inner.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read lib/" + jar + " in " + file, e);
        }
        return inner;
    }

    private static List<String> serviceLines(byte[] manifest) {
        List<String> lines = new ArrayList<>();
        for (String line : new String(manifest, StandardCharsets.UTF_8).split("\n")) {
            String clean = line.replaceFirst("#.*", "").trim();
            if (!clean.isEmpty()) {
                lines.add(clean);
            }
        }
        return lines;
    }

    @Override
    public String toString() {
        return file.getFileName().toString();
    }
}

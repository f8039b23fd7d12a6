package io.sluice.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginZipsTest {

    @TempDir
    Path tmp;

    @Test
    void unpacksEachZipIntoItsOwnDirectory() throws IOException {
        Path a = zip("sluice-source-csv-1.0.zip", Map.of("sluice-source-csv-1.0/lib/a.jar", "A",
                "sluice-source-csv-1.0/manifest.json", "{}"));
        Path b = zip("other.zip", Map.of("other/lib/b.jar", "B"));
        Path pluginPath = Files.createDirectory(tmp.resolve("plugins"));

        List<Path> installed = PluginZips.installAll(List.of(a, b), pluginPath);

        assertThat(installed).containsExactly(pluginPath.resolve("sluice-source-csv-1.0"), pluginPath.resolve("other"));
        assertThat(PluginZips.listFiles(pluginPath)).containsExactly("other/other/lib/b.jar",
                "sluice-source-csv-1.0/sluice-source-csv-1.0/lib/a.jar",
                "sluice-source-csv-1.0/sluice-source-csv-1.0/manifest.json");
        assertThat(Files.readString(installed.get(1).resolve("other/lib/b.jar"))).isEqualTo("B");
    }

    @Test
    void refusesEntriesThatEscapeThePluginDirectory() throws IOException {
        Path evil = zip("evil.zip", Map.of("../outside.jar", "X"));

        assertThatThrownBy(() -> PluginZips.install(evil, tmp.resolve("plugins")))
                .hasMessageContaining("Cannot unpack")
                .hasRootCauseMessage("ZIP entry ../outside.jar points outside " + tmp.resolve("plugins/evil"));
        assertThat(tmp.resolve("plugins/outside.jar")).doesNotExist();
    }

    @Test
    void parsesFilesAndDirectoriesOfZips() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("zips"));
        Path z2 = zip("zips/b.zip", Map.of("b/x", "x"));
        Path z1 = zip("zips/a.zip", Map.of("a/x", "x"));
        Files.writeString(dir.resolve("notes.txt"), "not a zip");
        Path single = zip("single.zip", Map.of("s/x", "x"));

        assertThat(PluginZips.parse(single + " , " + dir)).containsExactly(single, z1, z2);
    }

    @Test
    void namesWhatIsMissing() {
        assertThatThrownBy(() -> PluginZips.parse(tmp.resolve("nope.zip").toString()))
                .hasMessageContaining("nope.zip does not exist");
        assertThatThrownBy(() -> PluginZips.parse(tmp.toString()))
                .hasMessageContaining("holds no .zip file");
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path zip = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }
}

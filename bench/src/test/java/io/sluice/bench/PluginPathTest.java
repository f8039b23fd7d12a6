package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginPathTest {

    @TempDir
    Path root;

    @Test
    void thePluginPathHoldsConnectFileAndTheUnpackedZipAndNothingElse() throws IOException {
        Path connectFile = Files.createDirectories(root.resolve(PluginPath.CONNECT_FILE_DIR));
        Files.writeString(connectFile.resolve("connect-file-4.3.1.jar"), "jar");
        Path packages = Files.createDirectories(root.resolve(PluginPath.SOURCE_CSV_PACKAGES));
        Path zip = zip(packages.resolve("sluice-source-csv-0.1.0.zip"), "sluice-source-csv-0.1.0/lib/a.jar");
        Path plugins = root.resolve("work/plugins");
        Files.createDirectories(plugins.resolve("stale-plugin"));

        assertThat(PluginPath.sourceCsvZip(root)).contains(zip);
        PluginPath.prepare(root, plugins, Optional.of(zip));

        assertThat(plugins.resolve("connect-file/connect-file-4.3.1.jar")).hasContent("jar");
        assertThat(plugins.resolve("sluice-source-csv-0.1.0/lib/a.jar")).hasContent("content");
        assertThat(plugins.resolve("stale-plugin")).doesNotExist();
    }

    @Test
    void withoutABuiltZipThereIsNoneToUse() throws IOException {
        assertThat(PluginPath.sourceCsvZip(root)).isEmpty();
    }

    @Test
    void aMissingConnectFileJarSaysToBuildTheBenchModule() {
        assertThatThrownBy(() -> PluginPath.prepare(root, root.resolve("plugins"), Optional.empty()))
            .hasMessageContaining("build the bench module");
    }

    @Test
    void anEntryEscapingTheTargetIsRefused() throws IOException {
        Path zip = zip(root.resolve("evil.zip"), "../outside.txt");

        assertThatThrownBy(() -> PluginPath.unzip(zip, Files.createDirectories(root.resolve("target"))))
            .hasMessageContaining("outside the target");
        assertThat(root.resolve("outside.txt")).doesNotExist();
    }

    private static Path zip(Path zip, String entry) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zos = new ZipOutputStream(out)) {
            zos.putNextEntry(new ZipEntry(entry));
            zos.write("content".getBytes(StandardCharsets.UTF_8));
            zos.closeEntry();
        }
        return zip;
    }
}

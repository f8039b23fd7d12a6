package io.sluice.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.testkit.PluginZips;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The built ZIPs, as users get them: each connector's Confluent-Hub ZIP and the bundle. Their layout and
 * manifests are checked as files; then the connector ZIPs run side by side in one worker ({@link ConnectorZips})
 * and the bundle in another ({@link BundleZip}).
 */
class PackagingIT {

    /** Every Sluice connector class. A new connector module adds its class here and its checks to the nested classes. */
    static final Set<String> ALL_CONNECTORS = Set.of(RunningPluginContract.CSV_SOURCE,
            RunningPluginContract.CACHE_SINK, RunningPluginContract.STREAM_SOURCE,
            RunningPluginContract.POSTGRES_SOURCE, RunningPluginContract.JDBC_SINK);

    /** What each connector promises in its manifest: exactly-once where the source's offsets allow it. */
    private static final Map<String, String> DELIVERY_GUARANTEES = Map.of(
            "source-csv", "[\"at_least_once\",\"exactly_once\"]",
            "sink-cache", "[\"at_least_once\"]",
            "source-redis", "[\"at_least_once\",\"exactly_once\"]",
            "source-postgres", "[\"at_least_once\",\"exactly_once\"]",
            "sink-jdbc", "[\"at_least_once\"]");

    /** Jars the worker provides: a plugin that ships them breaks class loading or hides version conflicts. */
    private static final List<String> WORKER_JARS = List.of("kafka-clients-", "connect-api-", "connect-runtime-",
            "connect-json-", "connect-transforms-", "slf4j-api-", "log4j-");

    static String projectVersion() {
        String version = System.getProperty("sluice.project.version", "");
        assertThat(version).as("system property sluice.project.version (set by failsafe)").isNotBlank();
        return version;
    }

    static List<Path> connectorZips() {
        return PluginZips.fromSystemProperty();
    }

    static Path bundleZip() {
        String bundle = System.getProperty("sluice.bundle.zip", "");
        assertThat(bundle).as("system property sluice.bundle.zip (set by failsafe)").isNotBlank();
        return PluginZips.parse(bundle).get(0);
    }

    private static Map<String, PluginZip> connectorZipsByName() {
        return connectorZips().stream().map(PluginZip::read)
                .collect(Collectors.toMap(PluginZip::baseDirectory, Function.identity()));
    }

    @Test
    void testClasspathHoldsNoConnectorClasses() {
        assertThatThrownBy(() -> Class.forName(RunningPluginContract.CSV_SOURCE))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(System.getProperty("java.class.path").split(File.pathSeparator))
                .noneMatch(entry -> entry.matches(".*/(source|sink)-[a-z]+-[^/]*\\.(jar|zip)$"))
                .noneMatch(entry -> entry.contains("connect-common"));
    }

    @Test
    void eachConnectorZipHasTheConfluentHubLayout() {
        Map<String, PluginZip> zips = connectorZipsByName();
        assertThat(zips).isNotEmpty();
        Set<String> declared = new TreeSet<>();
        zips.forEach((base, zip) -> {
            String module = base.replaceFirst("^sluice-", "").replaceFirst("-" + projectVersion() + "$", "");
            assertThat(base).isEqualTo("sluice-" + module + "-" + projectVersion());
            assertLayout(zip, module);
            assertManifest(zip.json("manifest.json"), module);
            declared.addAll(zip.declaredConnectors());
        });
        assertThat(declared).as("connectors declared by ServiceLoader manifests across all ZIPs")
                .isEqualTo(ALL_CONNECTORS);
    }

    @Test
    void bundleHoldsEveryConnectorOnce() {
        PluginZip bundle = PluginZip.read(bundleZip());
        assertThat(bundle.baseDirectory()).isEqualTo("sluice-bundle-" + projectVersion());

        Set<String> union = new TreeSet<>();
        connectorZipsByName().forEach((base, zip) -> {
            union.addAll(zip.filesIn("lib"));
            String module = base.replaceFirst("^sluice-", "").replaceFirst("-" + projectVersion() + "$", "");
            assertThat(bundle.filesIn("doc/" + module)).contains("README.md", "configuration.md");
            assertThat(bundle.filesIn("etc")).containsAll(zip.filesIn("etc"));
        });
        assertThat(bundle.filesIn("lib")).isEqualTo(new ArrayList<>(union));
        assertThat(bundle.declaredConnectors()).isEqualTo(ALL_CONNECTORS);
        assertNoWorkerJarsAndOneVersionEach(bundle);
        assertThat(bundle.filesIn("doc")).contains("LICENSE");
        assertThat(bundle.files()).contains("README.md", "manifest.json");

        JsonNode manifest = bundle.json("manifest.json");
        assertThat(manifest.path("name").asText()).isEqualTo("bundle");
        assertThat(manifest.path("version").asText()).isEqualTo(projectVersion());
        assertThat(manifest.path("component_types").toString()).isEqualTo("[\"sink\",\"source\"]");
        assertThat(manifest.path("license").get(0).path("name").asText()).isEqualTo("Apache License 2.0");
    }

    private static void assertLayout(PluginZip zip, String module) {
        assertThat(zip.files()).as("top level of %s", zip).contains("manifest.json");
        assertThat(zip.filesIn("lib")).as("lib/ of %s", zip).contains(module + "-" + projectVersion() + ".jar");
        assertNoWorkerJarsAndOneVersionEach(zip);
        assertThat(zip.filesIn("etc")).as("etc/ of %s", zip)
                .anyMatch(f -> f.endsWith(".properties")).anyMatch(f -> f.endsWith(".json"));
        assertThat(zip.filesIn("doc")).as("doc/ of %s", zip).contains("README.md", "LICENSE", "configuration.md");
        assertThat(zip.text("doc/LICENSE")).startsWith("\n                                 Apache License");
        assertThat(zip.text("doc/configuration.md")).contains("| Key |");
        for (String connector : zip.declaredConnectors()) {
            assertThat(zip.containsClass(connector)).as("%s listed by a ServiceLoader manifest exists", connector)
                    .isTrue();
        }
    }

    private static void assertManifest(JsonNode manifest, String module) {
        assertThat(manifest.path("name").asText()).isEqualTo(module);
        assertThat(manifest.path("version").asText()).isEqualTo(projectVersion());
        assertThat(manifest.path("owner").path("username").asText()).isEqualTo("sluice");
        assertThat(manifest.path("license").get(0).path("name").asText()).isEqualTo("Apache License 2.0");
        assertThat(manifest.path("documentation_url").asText()).startsWith("https://").contains(module);
        assertThat(manifest.path("component_types").size()).isPositive();
        JsonNode features = manifest.path("features");
        assertThat(features.path("kafka_connect_api").asBoolean()).isTrue();
        assertThat(features.path("delivery_guarantee").toString()).as("delivery guarantees of %s", module)
                .isEqualTo(DELIVERY_GUARANTEES.get(module));
    }

    private static void assertNoWorkerJarsAndOneVersionEach(PluginZip zip) {
        List<String> jars = zip.filesIn("lib");
        assertThat(jars).as("lib/ of %s", zip)
                .noneMatch(jar -> WORKER_JARS.stream().anyMatch(jar::startsWith));
        Map<String, List<String>> byArtifact = jars.stream()
                .collect(Collectors.groupingBy(jar -> jar.replaceFirst("-\\d[^-]*(-SNAPSHOT)?\\.jar$", "")));
        assertThat(byArtifact.values()).as("jars in lib/ of %s by artifact", zip).allMatch(v -> v.size() == 1);
    }

    /**
     * Every connector's own ZIP, each unpacked into its own directory of one worker's plugin path, as a user
     * installs several of them: each loads in its own class loader beside the others.
     */
    @Nested
    class ConnectorZips extends RunningPluginContract implements CsvSourceChecks, RedisCacheSinkChecks,
            RedisStreamSourceChecks, PostgresSourceChecks, JdbcSinkChecks {
        @Override
        List<Path> zips() {
            return connectorZips();
        }

        @Override
        Set<String> expectedConnectors() {
            return ALL_CONNECTORS;
        }

        @Override
        public RunningPluginContract worker() {
            return this;
        }
    }

    /** The bundle alone in its worker: every connector from one plugin directory. */
    @Nested
    class BundleZip extends RunningPluginContract implements CsvSourceChecks, RedisCacheSinkChecks,
            RedisStreamSourceChecks, PostgresSourceChecks, JdbcSinkChecks {
        @Override
        List<Path> zips() {
            return List.of(bundleZip());
        }

        @Override
        Set<String> expectedConnectors() {
            return ALL_CONNECTORS;
        }

        @Override
        public RunningPluginContract worker() {
            return this;
        }
    }
}

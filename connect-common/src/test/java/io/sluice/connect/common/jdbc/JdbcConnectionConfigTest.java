package io.sluice.connect.common.jdbc;

import io.sluice.connect.common.config.Aliases;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcConnectionConfigTest {

    private static final ConfigDef DEF = new ConfigDef();
    private static final Aliases ALIASES = JdbcConnectionConfig.addAliases(Aliases.builder()).build();

    static {
        JdbcConnectionConfig.fragment("Connection").define(DEF);
    }

    private static JdbcConnectionConfig parse(String scheme, String... keyValues) {
        Map<String, String> props = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return new JdbcConnectionConfig(new AbstractConfig(DEF, ALIASES.apply(props)), scheme);
    }

    @Test
    void aGivenUrlIsUsedAsItIs() {
        JdbcConnectionConfig c = parse("postgresql", "connection.url", "jdbc:mariadb://db:3307/shop");
        assertThat(c.url()).isEqualTo("jdbc:mariadb://db:3307/shop");
        assertThat(c.scheme()).isEqualTo("mariadb");
    }

    @Test
    void theSeedNamesBuildTheUrlWithTheStandardPort() {
        JdbcConnectionConfig c = parse("postgresql", "host", "db.local", "database", "shop", "username", "app",
                "password", "s3cret", "ssl_mode", "require");
        assertThat(c.url()).isEqualTo("jdbc:postgresql://db.local:5432/shop");
        Properties props = c.driverProperties();
        assertThat(props).containsEntry("user", "app").containsEntry("password", "s3cret")
                .containsEntry("sslmode", "require");
        assertThat(parse("mariadb", "host", "db", "port", "3310", "database", "shop").url())
                .isEqualTo("jdbc:mariadb://db:3310/shop");
        assertThat(parse("postgresql", "host", "::1", "database", "shop").url())
                .isEqualTo("jdbc:postgresql://[::1]:5432/shop");
    }

    @Test
    void sqliteTakesTheDatabaseAsAFilePath() {
        assertThat(parse("sqlite", "database", "/tmp/app.db").url()).isEqualTo("jdbc:sqlite:/tmp/app.db");
    }

    @Test
    void sslModeIsTranslatedForMariaDb() {
        assertThat(parse("mariadb", "host", "db", "database", "d", "ssl_mode", "require").driverProperties())
                .containsEntry("sslMode", "trust");
        assertThat(parse("mariadb", "host", "db", "database", "d", "ssl_mode", "prefer").driverProperties())
                .doesNotContainKey("sslMode");
    }

    @Test
    void neitherUrlNorHostIsAnErrorOnTheUrlKeySayingWhatToSet() {
        assertThatThrownBy(() -> parse("postgresql", "database", "shop"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("connection.url").hasMessageContaining("connection.host");
        assertThatThrownBy(() -> parse("postgresql", "connection.url", "postgres://db/x?password=hunter2"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("jdbc:").hasMessageNotContaining("hunter2");
    }

    @Test
    void redactedUrlMasksPasswordParameters() {
        JdbcConnectionConfig c = parse("postgresql", "connection.url",
                "jdbc:postgresql://db/shop?user=a&password=hunter2&ssl=true");
        assertThat(c.redactedUrl()).isEqualTo("jdbc:postgresql://db/shop?user=a&password=****&ssl=true");
        assertThat(parse("mysql", "connection.url", "jdbc:mysql://app:hunter2@db:3306/shop").redactedUrl())
                .isEqualTo("jdbc:mysql://app:****@db:3306/shop");
    }

    @Test
    void anUnknownSslModeIsRejected() {
        assertThatThrownBy(() -> parse("postgresql", "host", "h", "database", "d", "ssl_mode", "sometimes"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("connection.ssl.mode");
    }
}

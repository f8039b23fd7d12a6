package io.sluice.testkit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerUrlTest {

    @Test
    void readsJdbcUrlsWithCredentialsInTheQuery() {
        ServerUrl url = ServerUrl.parse("jdbc:postgresql://db.local:6543/app?user=sluice&password=p%40ss", "X");

        assertThat(url).isEqualTo(new ServerUrl("postgresql", "db.local", 6543, "app", "sluice", "p@ss"));
        assertThat(url.toString()).isEqualTo("postgresql://sluice:***@db.local:6543/app");
    }

    @Test
    void readsUserInfoAndFallsBackToDefaults() {
        ServerUrl redis = ServerUrl.parse("redis://:secret@cache", "X");
        assertThat(redis.user()).isNull();
        assertThat(redis.password()).isEqualTo("secret");
        assertThat(redis.portOr(6379)).isEqualTo(6379);
        assertThat(redis.pathOr("0")).isEqualTo("0");

        ServerUrl maria = ServerUrl.parse("mariadb://root@127.0.0.1:3306/test", "X");
        assertThat(maria.userOr("x")).isEqualTo("root");
        assertThat(maria.passwordOr("")).isEmpty();
        assertThat(maria.pathOr("other")).isEqualTo("test");
    }

    @Test
    void namesTheVariableWhenTheUrlIsUnusable() {
        assertThatThrownBy(() -> ServerUrl.parse("localhost:5432", "SLUICE_TEST_POSTGRES_URL"))
                .hasMessageStartingWith("SLUICE_TEST_POSTGRES_URL must look like");
    }
}

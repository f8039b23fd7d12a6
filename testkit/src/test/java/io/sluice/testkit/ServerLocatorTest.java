package io.sluice.testkit;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerLocatorTest {

    @Test
    void failsWithHowToStartTheServerWhenNothingAnswers() {
        ServerLocator<String> locator = locator().probe(server -> {
            throw new ConnectException("Connection refused");
        });

        assertThatThrownBy(locator::locate)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Thing is not available for the integration tests: no SLUICE_TEST_THING_URL")
                .hasMessageContaining("nothing answers on 127.0.0.1:1 (Connection refused)")
                .hasMessageContaining("Start it with scripts/test-services")
                .hasMessageContaining("SLUICE_TEST_THING_URL=thing://host:1");
    }

    @Test
    void takesTheLocalServerWhenItAnswers() {
        ServerLocator<String> locator = locator().probe(server -> {
            if (!server.equals("local")) {
                throw new ConnectException("not " + server);
            }
        });

        assertThat(locator.locate()).isEqualTo("local");
    }

    private static ServerLocator<String> locator() {
        return new ServerLocator<String>("Thing", "SLUICE_TEST_THING_URL", "thing://host:1", "127.0.0.1:1")
                .fromEnv(url -> "env")
                .fromContainer(() -> "container")
                .local(() -> "local");
    }
}

package io.sluice.connect.common.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connect.common.Version;
import jakarta.ws.rs.core.Configurable;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.kafka.connect.health.ConnectClusterState;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;
import org.junit.jupiter.api.Test;

class SluiceHealthRestExtensionTest {

    @Test
    void isFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(ConnectRestExtension.class).stream().map(ServiceLoader.Provider::type))
                .contains(SluiceHealthRestExtension.class);
    }

    @Test
    void registersTheHealthResource() throws Exception {
        List<Object> registered = new ArrayList<>();
        Configurable<?> configurable = (Configurable<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Configurable.class}, (proxy, method, args) -> {
                    if (method.getName().equals("register") && args.length == 1) {
                        registered.add(args[0]);
                        return proxy;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        ConnectRestExtensionContext context = new ConnectRestExtensionContext() {
            @Override
            public Configurable<? extends Configurable<?>> configurable() {
                @SuppressWarnings("unchecked")
                Configurable<? extends Configurable<?>> c = (Configurable<? extends Configurable<?>>) configurable;
                return c;
            }

            @Override
            public ConnectClusterState clusterState() {
                throw new UnsupportedOperationException();
            }
        };

        try (SluiceHealthRestExtension extension = new SluiceHealthRestExtension()) {
            extension.configure(Map.of());
            extension.register(context);

            assertThat(registered).singleElement().isInstanceOf(HealthResource.class);
            assertThat(extension.version()).isEqualTo(Version.get());
        }
    }
}

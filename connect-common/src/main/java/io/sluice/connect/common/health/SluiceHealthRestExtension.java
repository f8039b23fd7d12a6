package io.sluice.connect.common.health;

import io.sluice.connect.common.Version;
import java.util.Map;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;

/**
 * Adds {@code GET /sluice/health} and {@code GET /sluice/health/{connector}} to a Connect worker's REST API
 * (see {@link HealthResource}). Enable it in the worker config:
 * <pre>
 * rest.extension.classes=io.sluice.connect.common.health.SluiceHealthRestExtension
 * </pre>
 * Each worker answers for the connectors whose health checks run in its JVM.
 */
public class SluiceHealthRestExtension implements ConnectRestExtension {

    @Override
    public void configure(Map<String, ?> configs) {
        // no settings: the extension only reads what connectors have registered
    }

    @Override
    public void register(ConnectRestExtensionContext restPluginContext) {
        restPluginContext.configurable().register(new HealthResource());
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void close() {
        // nothing to release: registrations belong to the connectors
    }
}

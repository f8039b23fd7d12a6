package io.sluice.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link ConnectClusterFixture} per test class: started before the first test, stopped after the last.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ConnectClusterExtension CONNECT =
 *         new ConnectClusterExtension(ConnectClusterFixture.builder().workers(2).exactlyOnceSource());
 *
 * @Test
 * void readsEveryRow() {
 *     CONNECT.cluster().createConnector("csv", config);
 *     CONNECT.cluster().consumeExactly("rows", 100, Duration.ofSeconds(60));
 * }
 * }</pre>
 * Register it on a {@code static} field: JUnit calls class-level callbacks only for static extensions.
 */
public final class ConnectClusterExtension implements BeforeAllCallback, AfterAllCallback {

    private final ConnectClusterBuilder builder;
    private ConnectClusterFixture cluster;
    private Object owner;

    /** An extension that starts a cluster from {@code builder}. */
    public ConnectClusterExtension(ConnectClusterBuilder builder) {
        this.builder = builder;
    }

    /** The running cluster. */
    public ConnectClusterFixture cluster() {
        if (cluster == null) {
            throw new IllegalStateException("The Connect cluster is not running: register the extension with "
                    + "@RegisterExtension on a static field");
        }
        return cluster;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // @Nested classes see the outer class's callbacks again: the outermost class owns the cluster.
        if (cluster == null) {
            cluster = builder.start();
            owner = context.getRequiredTestClass();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null && context.getRequiredTestClass().equals(owner)) {
            try {
                cluster.close();
            } finally {
                cluster = null;
                owner = null;
            }
        }
    }
}

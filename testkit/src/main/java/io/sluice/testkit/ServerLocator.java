package io.sluice.testkit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Finds a server for the integration tests, in this order: an explicit URL in the environment, a
 * Testcontainers container when a Docker engine answers, the local server on its standard port.
 *
 * <p>When none answers the tests fail with a message saying how to start the server; they never skip,
 * because a skipped integration test reads as a pass.
 *
 * @param <T> the fixture describing a server that answered
 */
final class ServerLocator<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ServerLocator.class);

    /** How a fixture connects and proves that the server answers. */
    interface Probe<T> {
        /** Throws when the server does not answer. */
        void check(T server) throws Exception;
    }

    private final String product;
    private final String envVar;
    private final String envExample;
    private final String localDescription;
    private Function<ServerUrl, T> fromEnv;
    private Supplier<T> fromContainer;
    private Supplier<T> local;
    private Probe<T> probe;

    ServerLocator(String product, String envVar, String envExample, String localDescription) {
        this.product = product;
        this.envVar = envVar;
        this.envExample = envExample;
        this.localDescription = localDescription;
    }

    ServerLocator<T> fromEnv(Function<ServerUrl, T> fromEnv) {
        this.fromEnv = fromEnv;
        return this;
    }

    ServerLocator<T> fromContainer(Supplier<T> fromContainer) {
        this.fromContainer = fromContainer;
        return this;
    }

    ServerLocator<T> local(Supplier<T> local) {
        this.local = local;
        return this;
    }

    ServerLocator<T> probe(Probe<T> probe) {
        this.probe = probe;
        return this;
    }

    T locate() {
        String url = System.getenv(envVar);
        if (url != null && !url.isBlank()) {
            ServerUrl parsed = ServerUrl.parse(url, envVar);
            T server = fromEnv.apply(parsed);
            Exception failure = tryProbe(server);
            if (failure != null) {
                throw new IllegalStateException(product + " at " + envVar + "=" + parsed + " does not answer: "
                        + failure.getMessage() + ". Fix or unset " + envVar + ".", failure);
            }
            LOG.info("Using {} from {}: {}", product, envVar, parsed);
            return server;
        }
        List<String> tried = new ArrayList<>();
        tried.add("no " + envVar);
        if (dockerAvailable()) {
            try {
                T server = fromContainer.get();
                Exception failure = tryProbe(server);
                if (failure == null) {
                    LOG.info("Using {} in a Testcontainers container: {}", product, server);
                    return server;
                }
                tried.add("its container did not answer (" + failure.getMessage() + ")");
            } catch (RuntimeException e) {
                LOG.warn("Could not start a {} container; trying the local server", product, e);
                tried.add("its container did not start (" + e.getMessage() + ")");
            }
        } else {
            LOG.info("No Docker engine (or no Testcontainers on the classpath); looking for a local {} on {}",
                    product, localDescription);
            tried.add("no Docker engine for Testcontainers");
        }
        T server = local.get();
        Exception failure = tryProbe(server);
        if (failure == null) {
            LOG.info("Using the local {}: {}", product, server);
            return server;
        }
        tried.add("nothing answers on " + localDescription + " (" + failure.getMessage() + ")");
        throw new IllegalStateException(missingMessage(tried), failure);
    }

    private String missingMessage(List<String> tried) {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        return product + " is not available for the integration tests: " + String.join("; ", tried) + ". "
                + (ci ? "CI=true: the CI script must start it before mvn verify. " : "")
                + "Start it with scripts/test-services (the README's test command runs it), "
                + "or point the tests at a server with " + envVar + "=" + envExample + ".";
    }

    private Exception tryProbe(T server) {
        try {
            probe.check(server);
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private static boolean dockerAvailable() {
        return Containers.dockerAvailable();
    }
}

package io.hearken.topology;

import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One started {@link Topology} for every test class of this module: the eight JVMs start once per test JVM (each
 * start: about 37 s on a quiet 2-core machine, some 60 s of CPU), not once per class. It lives in JUnit's root
 * store, so it is closed (every service killed, the proxy stopped) once all classes have run. Before each class, any
 * service a class before it left stopped is started again (ServicesAsProcessesTest kills router-1) and every service
 * must answer healthy: each class begins with all eight running. The classes' order: junit-platform.properties.
 */
public final class SharedTopology implements BeforeAllCallback {

    static final Duration HEALTHY_WITHIN = Duration.ofSeconds(300);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedTopology.class);

    private static volatile Topology topology;

    @Override
    public void beforeAll(ExtensionContext context) {
        Topology started = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Topology.class, k -> Topology.start(HEALTHY_WITHIN), Topology.class);
        LogTailsOnFailure.services = started::tails;
        started.everyServiceRunning(HEALTHY_WITHIN);
        topology = started;
    }

    /** The topology of the running test class (set before its {@code @BeforeAll} methods). */
    static Topology topology() {
        Topology t = topology;
        if (t == null) {
            throw new IllegalStateException("no topology: the test class needs @ExtendWith(SharedTopology.class)");
        }
        return t;
    }
}

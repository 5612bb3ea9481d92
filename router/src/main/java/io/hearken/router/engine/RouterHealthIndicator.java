package io.hearken.router.engine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code router} in {@code /actuator/health}: UP while the Streams engine runs or rebalances. */
@Component("routerHealthIndicator")
@ConditionalOnClass(HealthIndicator.class)
class RouterHealthIndicator extends AbstractHealthIndicator {

    private final ObjectProvider<RouterEngine> engine;

    RouterHealthIndicator(ObjectProvider<RouterEngine> engine) {
        super("Router health check failed");
        this.engine = engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        RouterEngine e = engine.getIfAvailable();
        if (e == null) {
            builder.unknown().withDetail("streams", "disabled (hearken.router.engine-enabled=false)");
            return;
        }
        String state = e.state();
        boolean up = state.equals("RUNNING") || state.equals("REBALANCING") || state.equals("CREATED");
        (up ? builder.up() : builder.down()).withDetail("streams", state);
        if (e.stopped() != null) {
            builder.down().withDetail("reason", e.stopped());
        }
    }
}

package io.hearken.router.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code routerModel} in {@code /actuator/health}: which model is in service (file, sha256, labels, when loaded).
 * Always UP — a refused new file leaves a working model in service; the {@code refused} detail says which file
 * and why, until a file loads.
 */
@Component("routerModelHealthIndicator")
@ConditionalOnClass(HealthIndicator.class)
class RouterModelHealthIndicator extends AbstractHealthIndicator {

    private final ReloadingModel model;

    RouterModelHealthIndicator(ReloadingModel model) {
        super("Router model health check failed");
        this.model = model;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ReloadingModel.InService now = model.inService();
        builder.up().withDetail("source", now.source()).withDetail("labels", now.model().labels().size())
                .withDetail("loadedAt", now.loadedAt().toString());
        if (now.sha256() != null) {
            builder.withDetail("sha256", now.sha256()).withDetail("fileModified", now.fileModified().toString());
        }
        ReloadingModel.Refusal refused = model.refused();
        if (refused != null) {
            Map<String, Object> why = new LinkedHashMap<>();
            why.put("file", refused.file());
            if (refused.sha256() != null) {
                why.put("sha256", refused.sha256());
            }
            why.put("reason", refused.reason());
            why.put("at", refused.at().toString());
            builder.withDetail("refused", why);
        }
    }
}

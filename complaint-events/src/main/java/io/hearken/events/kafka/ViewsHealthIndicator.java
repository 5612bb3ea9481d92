package io.hearken.events.kafka;

import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The views built from topics ({@link FollowingTopic}: the desk's board, the notifier's directory and ledger):
 * OUT_OF_SERVICE while one is still reading what was on its topic at start, so a restarted instance gets no traffic
 * (and counts as not healthy) until its queues and its memory of mails sent are whole. Each view's progress is a
 * detail: {@code "complaints.state: 41,200 of 130,512"}.
 */
class ViewsHealthIndicator extends AbstractHealthIndicator {

    private final Map<String, FollowingTopic> views;

    ViewsHealthIndicator(Map<String, FollowingTopic> views) {
        super("Views health check failed");
        this.views = views;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean loaded = true;
        for (var view : views.entrySet()) {
            TopicTail.Progress p = view.getValue().progress();
            loaded &= p.caughtUp();
            builder.withDetail(view.getKey(), p.topic() + ": " + (p.caughtUp() ? "loaded"
                    : p.total() < 0 ? "starting" : "%,d of %,d".formatted(p.read(), p.total())));
        }
        builder.status(loaded ? Status.UP : Status.OUT_OF_SERVICE);
    }
}

package io.hearken.intake.hotline.folder;

import io.hearken.intake.hotline.HotlineProperties;
import io.hearken.intake.hotline.publishing.ProcessedCalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code hotline}: the inbox is usable; files waiting; those kept in the inbox
 * for now and why ({@code waiting}: Kafka, the read model); the last file's summary.
 */
@Component("hotlineHealthIndicator")
class InboxHealthIndicator extends AbstractHealthIndicator {

    private final HotlineProperties properties;
    private final InboxWatcher watcher;
    private final ProcessedCalls processedCalls;

    InboxHealthIndicator(HotlineProperties properties, InboxWatcher watcher, ProcessedCalls processedCalls) {
        super("Hotline inbox check failed");
        this.properties = properties;
        this.watcher = watcher;
        this.processedCalls = processedCalls;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("processedCallIds", processedCalls.size());
        if (!properties.watch()) {
            builder.up().withDetail("watch", false);
            return;
        }
        Path inbox = properties.inbox().toAbsolutePath().normalize();
        if (!Files.isDirectory(inbox) || !Files.isWritable(inbox) || !Files.isWritable(properties.processed())
                || !Files.isWritable(properties.rejected())) {
            builder.down().withDetail("inbox", inbox.toString()).withDetail("error",
                    "inbox, processed/ or rejected/ is missing or not writable");
            return;
        }
        long waiting;
        try (Stream<Path> files = Files.list(inbox)) {
            waiting = files.filter(Files::isRegularFile).filter(InboxScan::isCandidate).count();
        }
        builder.up().withDetail("inbox", inbox.toString()).withDetail("filesWaiting", waiting)
                .withDetail("watching", watcher.isRunning());
        Map<String, String> kept = watcher.waiting();
        if (!kept.isEmpty()) {
            builder.withDetail("waiting", kept);
        }
        List<FileReport> recent = watcher.recentReports();
        if (!recent.isEmpty()) {
            builder.withDetail("lastFile", recent.get(0).toString());
        }
    }
}

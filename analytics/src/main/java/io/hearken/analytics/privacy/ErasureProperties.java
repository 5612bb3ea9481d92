package io.hearken.analytics.privacy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearken.analytics.privacy.*}: how analytics carries out erasure and retention. The retention period itself
 * is {@code hearken.privacy.retention} (shared by every module, {@link io.hearken.events.privacy.PrivacyProperties}).
 *
 * @param retentionInterval how often the retention policy looks for complaints past their time (also once at start)
 * @param retentionBatch    most complaints anonymised by one run; the rest follow at the next
 * @param compactionNudge   how long after an erasure the key topic's segment is rolled, so compaction (60 s lag)
 *                          removes the destroyed keys for good
 */
@ConfigurationProperties("hearken.analytics.privacy")
public record ErasureProperties(
        @DefaultValue("1h") Duration retentionInterval,
        @DefaultValue("5000") int retentionBatch,
        @DefaultValue("70s") Duration compactionNudge) {
}

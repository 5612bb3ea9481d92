package io.hearken.intake.web;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the web channel ({@code hearken.web.*}); every one has a default, so the all-in-one needs none.
 *
 * @param attachmentsDir where uploaded files are kept (outside Kafka)
 * @param publishTimeout how long a web request waits for Kafka's acknowledgement before answering 503
 * @param hotline the phone number shown when the service is unavailable
 * @param idempotencyTopic the compacted topic that remembers idempotency key → complaint id
 * @param publicBaseUrl prefix for tracking links in API answers (empty: relative links)
 * @param timeZone the zone in which the tracking page shows times (the residents' zone)
 * @param producer batching of the web channel's own Kafka producer
 */
@ConfigurationProperties("hearken.web")
public record WebIntakeProperties(Path attachmentsDir, Duration publishTimeout, String hotline,
        String idempotencyTopic, String publicBaseUrl, RateLimit rateLimit, Open311 open311, ZoneId timeZone,
        Producer producer) {

    public WebIntakeProperties {
        attachmentsDir = attachmentsDir == null ? Path.of("data", "attachments") : attachmentsDir;
        publishTimeout = publishTimeout == null ? Duration.ofSeconds(5) : publishTimeout;
        hotline = hotline == null ? "400-800-1234" : hotline;
        idempotencyTopic = idempotencyTopic == null ? "hearken-web-idempotency" : idempotencyTopic;
        publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl;
        rateLimit = rateLimit == null ? new RateLimit(0, null) : rateLimit;
        open311 = open311 == null ? new Open311(null, null) : open311;
        timeZone = timeZone == null ? ZoneId.of("Asia/Shanghai") : timeZone;
        producer = producer == null ? new Producer(null, null, null) : producer;
    }

    /**
     * The web producer's batching: every request still waits for its own acknowledgement, but requests that
     * arrive within {@code linger} share one batch (up to {@code batchSize} per partition), compressed with
     * {@code compression} ({@code none}, {@code gzip}, {@code snappy}, {@code lz4}, {@code zstd}). None by default:
     * a batch holds a few records of 1–2 kB whose personal fields are ciphertext, and compressing it (then the
     * broker's and every reader's decompressing) took 4 % of the all-in-one's Java CPU at 100 complaints/s with lz4
     * for little gain; a slow link between the service and the brokers may want {@code lz4}.
     */
    public record Producer(Duration linger, DataSize batchSize, String compression) {
        public Producer {
            linger = linger == null ? Duration.ofMillis(5) : linger;
            batchSize = batchSize == null ? DataSize.ofKilobytes(64) : batchSize;
            compression = compression == null || compression.isBlank() ? "none" : compression;
        }
    }

    /** Submissions per client IP: {@code capacity} at once, refilled over {@code period}. */
    public record RateLimit(int capacity, Duration period) {
        public RateLimit {
            capacity = capacity <= 0 ? 30 : capacity;
            period = period == null ? Duration.ofMinutes(1) : period;
        }
    }

    /**
     * Open311 GeoReport v2: accepted API keys (none by default, so posting is refused until keys are set; the
     * all-in-one sets the demo key {@code demo}), the jurisdiction id.
     */
    public record Open311(List<String> apiKeys, String jurisdictionId) {
        public Open311 {
            apiKeys = apiKeys == null ? List.of() : apiKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
            jurisdictionId = jurisdictionId == null ? "hearken" : jurisdictionId;
        }
    }
}

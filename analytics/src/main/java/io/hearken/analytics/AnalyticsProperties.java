package io.hearken.analytics;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearken.analytics.*}. Defaults fit the all-in-one and production alike.
 *
 * @param indexerGroup the Kafka consumer group (and listener id) of the indexer
 * @param concurrency consumers in this instance (the topics' partitions are shared among them)
 * @param retryInitial first wait after Elasticsearch failed a batch; doubles up to {@code retryMax}, forever
 * @param retryMax longest wait between retries of a failed batch
 * @param maxPollRecords largest batch: one mget and one bulk request per batch
 * @param topicPattern the topics indexed (a regex); the default is every event topic, no dead-letter topic
 * @param zone the office's time zone: day and month boundaries of the dashboard and the monthly summary
 */
@ConfigurationProperties("hearken.analytics")
public record AnalyticsProperties(
        @DefaultValue("analytics-indexer") String indexerGroup,
        @DefaultValue("1") int concurrency,
        @DefaultValue("500ms") Duration retryInitial,
        @DefaultValue("15s") Duration retryMax,
        @DefaultValue("1000") int maxPollRecords,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue(DEFAULT_TOPICS) String topicPattern) {

    public static final String DEFAULT_TOPICS =
            "intake\\.[a-z0-9]+|complaints\\.routed|complaints\\.updates|notifications";
}

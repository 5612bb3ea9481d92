package io.hearken.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.store.KeptPosition;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a kept store may be read on from its position, and why not. */
class KeptTopicTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final long DAY = Duration.ofDays(1).toMillis();

    static KeptPosition kept(Map<Integer, Long> offsets, Duration closedAgo, Duration builtAgo) {
        return new KeptPosition("t", "id-1", offsets, NOW.minus(builtAgo), NOW.minus(closedAgo));
    }

    static KeptTopic compacted(Map<Integer, Long> begin, Map<Integer, Long> end) {
        return new KeptTopic("id-1", begin, end, true, DAY, false, -1);
    }

    @Test
    void theSameTopicWithEveryOffsetOnItAndClosedRecentlyReadsOn() {
        var topic = compacted(Map.of(0, 0L, 1, 3L), Map.of(0, 10L, 1, 20L));
        assertThat(topic.whyNotResume("t", kept(Map.of(0, 0L, 1, 20L), Duration.ofMinutes(5), Duration.ofDays(30)), NOW))
                .isNull();
    }

    @Test
    void anotherTopicOrOneCreatedAgainOrOtherPartitionsIsRebuilt() {
        var topic = compacted(Map.of(0, 0L), Map.of(0, 10L));
        var position = kept(Map.of(0, 4L), Duration.ofMinutes(1), Duration.ofMinutes(1));
        assertThat(topic.whyNotResume("other", position, NOW)).contains("kept for t");
        assertThat(new KeptTopic("id-2", Map.of(0, 0L), Map.of(0, 10L), true, DAY, false, -1)
                .whyNotResume("t", position, NOW)).contains("created again");
        assertThat(compacted(Map.of(0, 0L, 1, 0L), Map.of(0, 10L, 1, 0L)).whyNotResume("t", position, NOW))
                .contains("partitions changed");
    }

    @Test
    void anOffsetOffTheTopicIsRebuilt() {
        var position = kept(Map.of(0, 4L), Duration.ofMinutes(1), Duration.ofMinutes(1));
        assertThat(compacted(Map.of(0, 5L), Map.of(0, 10L)).whyNotResume("t", position, NOW)).contains("expired");
        assertThat(compacted(Map.of(0, 0L), Map.of(0, 3L)).whyNotResume("t", position, NOW)).contains("ahead");
    }

    @Test
    void closedForHalfTheTimeDeletionsAreKeptIsRebuiltSoNoErasureIsMissed() {
        var topic = compacted(Map.of(0, 0L), Map.of(0, 10L));
        assertThat(topic.whyNotResume("t", kept(Map.of(0, 4L), Duration.ofHours(11), Duration.ZERO), NOW)).isNull();
        assertThat(topic.whyNotResume("t", kept(Map.of(0, 4L), Duration.ofHours(12), Duration.ZERO), NOW))
                .contains("deletion may have been compacted away");
    }

    @Test
    void builtLongerAgoThanAnExpiringTopicKeepsRecordsIsRebuilt() {
        long week = Duration.ofDays(7).toMillis();
        var topic = new KeptTopic("id-1", Map.of(0, 0L), Map.of(0, 10L), false, DAY, true, week);
        assertThat(topic.whyNotResume("t", kept(Map.of(0, 4L), Duration.ofDays(2), Duration.ofDays(6)), NOW)).isNull();
        assertThat(topic.whyNotResume("t", kept(Map.of(0, 4L), Duration.ofMinutes(1), Duration.ofDays(7)), NOW))
                .contains("longer than the topic keeps records");
    }
}

package io.hearken.desk.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.privacy.InMemoryKeys;
import io.hearken.events.privacy.Sealing;
import io.hearken.events.store.LocalStateProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;

/**
 * Where the board's live listener starts on the live topics: five minutes before the start for a board rebuilt from
 * the beginning; a minute before its clean stop for a board read on from its kept store (what it read before is there).
 */
class BoardFeedOverlapTest {

    @TempDir
    Path dir;

    final Sealing sealing = InMemoryKeys.sealing();

    @Test
    void aRebuiltBoardReadsFiveMinutesBackAKeptOneFromAMinuteBeforeItsStop() {
        Instant start = Instant.now();
        ComplaintBoard fresh = board();
        assertThat(seekedTo(fresh)).isBetween(start.minus(Duration.ofMinutes(5)).minusSeconds(1),
                Instant.now().minus(Duration.ofMinutes(5)));
        fresh.store().keepAt("complaints.state", "topic-id", Map.of(0, 0L)); // as its feed does at a clean stop
        fresh.close();

        ComplaintBoard kept = board();
        try {
            Instant closedAt = kept.store().kept().orElseThrow().closedAt();
            assertThat(seekedTo(kept)).isEqualTo(closedAt.minus(Duration.ofMinutes(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        } finally {
            kept.close();
        }
    }

    private ComplaintBoard board() {
        return new ComplaintBoard(new LocalStateProperties(dir, null, null), sealing);
    }

    /** The timestamp the feed seeks a newly assigned live partition to. */
    private Instant seekedTo(ComplaintBoard board) {
        BoardFeed feed = new BoardFeed(board, new DefaultKafkaConsumerFactory<>(Map.of()), sealing);
        Instant[] seeked = new Instant[1];
        feed.onPartitionsAssigned(Map.of(new TopicPartition("complaints.updates", 0), 0L), new Seeks() {
            @Override
            public void seekToTimestamp(Collection<TopicPartition> partitions, long timestamp) {
                seeked[0] = Instant.ofEpochMilli(timestamp);
            }
        });
        assertThat(seeked[0]).as("seeked").isNotNull();
        return seeked[0];
    }

    /** A callback that only expects a seek by time. */
    abstract static class Seeks implements ConsumerSeekCallback {
        public void seek(String topic, int partition, long offset) {
            throw new UnsupportedOperationException();
        }

        public void seek(String topic, int partition, Function<Long, Long> offset) {
            throw new UnsupportedOperationException();
        }

        public void seekToBeginning(String topic, int partition) {
            throw new UnsupportedOperationException();
        }

        public void seekToEnd(String topic, int partition) {
            throw new UnsupportedOperationException();
        }

        public void seekRelative(String topic, int partition, long offset, boolean toCurrent) {
            throw new UnsupportedOperationException();
        }

        public void seekToTimestamp(String topic, int partition, long timestamp) {
            throw new UnsupportedOperationException();
        }
    }
}

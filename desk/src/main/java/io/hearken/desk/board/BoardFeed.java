package io.hearken.desk.board;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Topics;
import io.hearken.events.kafka.StateTopic;
import io.hearken.events.privacy.Sealing;
import io.hearken.events.kafka.FollowingTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Feeds the board from Kafka: from {@code complaints.state} (compacted, it never expires: one current record per
 * complaint, written by the router), read from the beginning and then followed; after a clean stop, read on from
 * where the board's kept store was closed ({@link io.hearken.events.kafka.TopicTail#keptIn}). For immediacy it also follows the live topics (queues, updates,
 * follow-ups) from the moment it started, not from their beginning: they expire, and what is older is in the state
 * topic. Its consumer group is its own (a fresh name per start, so every instance sees every partition). Both
 * paths may bring the same event; the board keeps events by id, so that changes nothing.
 */
@Component
class BoardFeed extends FollowingTopic implements ConsumerSeekAware {

    /** The department queues, the desk's and the SLA clock's updates, and the residents' follow-ups and ratings. */
    static final String TOPICS = Topics.ASSIGNMENTS_PATTERN + "|" + "complaints\\.updates" + "|" + Topics.INTAKE_PATTERN;
    /** The live topics are read from a little before the start: the state topic may be a moment behind them. */
    private static final Duration OVERLAP = Duration.ofMinutes(5);
    /**
     * On a kept board, from a little before its clean stop: what the listener read before it is in the store (a
     * restart then re-reads seconds of the live topics, not five minutes of them).
     */
    private static final Duration KEPT_OVERLAP = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(BoardFeed.class);

    private final ComplaintBoard board;
    private final Set<TopicPartition> positioned = ConcurrentHashMap.newKeySet();
    private final Instant liveFrom;

    BoardFeed(ComplaintBoard board, ConsumerFactory<?, ?> consumers, Sealing sealing) {
        super(SmartLifecycle.DEFAULT_PHASE); // after the listeners: the board keeps events by id, the order is free
        this.board = board;
        Instant overlap = Instant.now().minus(OVERLAP);
        this.liveFrom = board.store().kept().map(kept -> kept.closedAt().minus(KEPT_OVERLAP))
                .filter(overlap::isBefore).orElse(overlap);
        follow(StateTopic.tail(consumers, sealing, (id, snapshot) -> {
            if (snapshot == null) {
                board.forget(id);
            } else {
                board.apply(snapshot);
            }
        }).keptIn(board.store(), board::forgetAll));
    }

    // metadata.max.age.ms: a new department's topic joins the pattern subscription within a second.
    @KafkaListener(id = "desk-board", idIsGroup = false, groupId = "#{'desk-board-' + T(java.util.UUID).randomUUID()}",
            topicPattern = TOPICS, properties = {"auto.offset.reset=earliest", "metadata.max.age.ms=1000"})
    void on(ComplaintEvent event) {
        if (event instanceof ComplaintReceived) {
            return; // the routing carries the complaint; an unrouted one is not the desk's yet
        }
        board.apply(event);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        Set<TopicPartition> fresh = new HashSet<>(assignments.keySet());
        fresh.removeIf(tp -> !positioned.add(tp));
        if (!fresh.isEmpty()) {
            log.debug("desk board follows {} from {}", fresh, liveFrom);
            callback.seekToTimestamp(fresh, liveFrom.toEpochMilli());
        }
    }
}

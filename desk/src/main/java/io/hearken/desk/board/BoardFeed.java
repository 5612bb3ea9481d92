package io.hearken.desk.board;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Topics;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Feeds the board from Kafka. The board lives in memory, so each desk instance reads the topics from the
 * beginning when it starts: its consumer group is its own (a fresh name per start, so every instance sees every
 * partition), and it seeks to the beginning of each partition the first time it gets it. Rebuilding is
 * idempotent because the board keeps events by id.
 */
@Component
class BoardFeed implements ConsumerSeekAware {

    /** The department queues, the desk's and the SLA clock's updates, and the residents' follow-ups and ratings. */
    static final String TOPICS = Topics.ASSIGNMENTS_PATTERN + "|" + "complaints\\.updates" + "|" + Topics.INTAKE_PATTERN;

    private static final Logger log = LoggerFactory.getLogger(BoardFeed.class);

    private final ComplaintBoard board;
    private final Set<TopicPartition> rewound = ConcurrentHashMap.newKeySet();

    BoardFeed(ComplaintBoard board) {
        this.board = board;
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
        Set<TopicPartition> fresh = new java.util.HashSet<>(assignments.keySet());
        fresh.removeIf(tp -> !rewound.add(tp));
        if (!fresh.isEmpty()) {
            log.debug("desk board reads {} from the beginning", fresh);
            callback.seekToBeginning(fresh);
        }
    }
}

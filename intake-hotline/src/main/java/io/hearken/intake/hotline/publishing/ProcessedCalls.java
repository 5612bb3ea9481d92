package io.hearken.intake.hotline.publishing;

import io.hearken.events.kafka.CompactedTopicView;
import io.hearken.events.kafka.TopicCatalogue;
import io.hearken.intake.hotline.HotlineProperties;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The call ids already published, surviving restarts: a compacted Kafka topic ({@code hotline.processed-calls},
 * key = call id, value = the complaint id it went to), read back in full when the service starts, followed after and
 * appended to after every chunk of acknowledged events. Kafka is the store, so nothing else must be backed
 * up and every instance (or a replacement container) sees the same history. A value {@code ~HK-...} is a
 * reservation: the id chosen for a new complaint before its event was sent, so a call read again after a crash
 * gets the same id even when the read model already knows that id (as the call's own complaint).
 */
@Component
public class ProcessedCalls implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProcessedCalls.class);

    /** Reading the topic back (at start-up, at a reload) waits this long at the most. */
    private static final Duration LOAD_WAIT = Duration.ofSeconds(120);
    static final String RESERVED = "~";

    private final Duration ackTimeout;
    /** Call id → the complaint id it went to, or {@value #RESERVED} + the id reserved for it. */
    private final CompactedTopicView<String> calls;

    ProcessedCalls(KafkaProperties kafka, KafkaAdmin admin, HotlineProperties properties, TopicCatalogue topics) {
        String topic = properties.callsTopic();
        if (topic.matches(io.hearken.events.Topics.INTAKE_PATTERN)) {
            // The router subscribes to intake.* and would take these plain strings for broken events.
            throw new IllegalStateException("hearken.hotline.calls-topic must not match " + io.hearken.events.Topics.INTAKE_PATTERN
                    + ": " + topic);
        }
        this.ackTimeout = properties.ackTimeout();
        // A window: only a call re-read within hearken.hotline.calls-retention must be recognised.
        admin.createOrModifyTopics(topics.window(topic, properties.callsRetention()));
        this.calls = CompactedTopicView.ofStrings(topic, kafka);
        reload();
    }

    /** Reads the whole topic again (at start-up; tests call it to play a restart), then follows it. */
    public void reload() {
        long started = System.nanoTime();
        if (!calls.reload(LOAD_WAIT)) {
            throw new IllegalStateException("could not read " + calls.topic() + " back within " + LOAD_WAIT);
        }
        log.info("Hotline: {} processed call ids ({} reserved) read back from {} in {} ms", size(),
                calls.size() - size(), calls.topic(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The complaint a call already went to, if it was published before. */
    public Optional<String> complaintOf(String callId) {
        return calls.get(callId).filter(v -> !v.startsWith(RESERVED));
    }

    /**
     * The call ids that went to (or were reserved for) any of {@code complaintIds}: an erasure's calls. Read up to
     * the topic's current end first, so calls another instance took a moment ago count too.
     */
    public Set<String> callsOf(Set<String> complaintIds) {
        if (!calls.awaitCurrent(LOAD_WAIT)) {
            throw new IllegalStateException("could not read " + calls.topic() + " up to its end");
        }
        Set<String> found = new HashSet<>();
        calls.asMap().forEach((call, complaint) -> {
            if (complaintIds.contains(complaint.startsWith(RESERVED) ? complaint.substring(RESERVED.length()) : complaint)) {
                found.add(call);
            }
        });
        return found;
    }

    /** The complaint id reserved for a call whose event may have been sent but was not recorded as done. */
    Optional<String> reservedFor(String callId) {
        return calls.get(callId).filter(v -> v.startsWith(RESERVED)).map(v -> v.substring(RESERVED.length()));
    }

    public int size() {
        return (int) calls.asMap().values().stream().filter(v -> !v.startsWith(RESERVED)).count();
    }

    /** Reserves the ids chosen for new complaints, before their events are sent; returns once Kafka has them. */
    void reserve(Map<String, String> callIdToComplaintId) throws Exception {
        if (callIdToComplaintId.isEmpty()) {
            return;
        }
        var reservations = callIdToComplaintId.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), RESERVED + e.getValue())).toList();
        // first: a retry in this process takes the same ids whatever Kafka said
        reservations.forEach(e -> calls.remember(e.getKey(), e.getValue()));
        write(reservations);
    }

    /** Records calls whose events Kafka acknowledged; returns once Kafka acknowledged these records too. */
    public void record(Collection<Map.Entry<String, String>> callIdToComplaintId) throws Exception {
        write(callIdToComplaintId);
        callIdToComplaintId.forEach(e -> calls.remember(e.getKey(), e.getValue()));
    }

    private void write(Collection<Map.Entry<String, String>> records) throws Exception {
        CompletableFuture.allOf(records.stream().map(e -> calls.write(e.getKey(), e.getValue()))
                .toArray(CompletableFuture[]::new)).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        calls.close();
    }
}

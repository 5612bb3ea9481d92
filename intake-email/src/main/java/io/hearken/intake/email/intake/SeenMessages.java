package io.hearken.intake.email.intake;

import io.hearken.events.kafka.CompactedTopicView;
import io.hearken.events.store.LocalStateProperties;
import io.hearken.intake.email.EmailIntakeProperties;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Which mails already became events, kept in the compacted topic {@code intake.email.seen} (key: the
 * dedupe key of a mail; value: {@code pending|done <complaint id> <event id>}), read back in full before the
 * first mail and followed after, so a restart, a redelivery or a copy in another folder never makes a second complaint.
 * {@code pending} is written before the complaint is published, with its tracking id, so a crash between the
 * two republishes the same complaint (same id, same event id) rather than a new one. What is read back lies in a
 * {@code LocalStore} under {@code hearken.local-state.dir}, rebuilt from the topic at each start.
 */
@Component("emailSeenMessages")
public class SeenMessages implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SeenMessages.class);

    /** What the store knows about one mail. */
    public record Entry(boolean done, String complaintId, String eventId) {

        String encode() {
            return (done ? "done" : "pending") + " " + complaintId + " " + eventId;
        }

        static Entry decode(String value) {
            String[] p = value.split(" ");
            return p.length < 3 ? null : new Entry(p[0].equals("done"), p[1], p[2]);
        }
    }

    /** Reading the topic back waits this long at the most; then the batch fails and is tried again. */
    private static final Duration LOAD_WAIT = Duration.ofSeconds(60);

    private final CompactedTopicView<Entry> view;

    /** {@code local}: the entries lie on disk (one per mail ever received, so they grow with history), not on the heap. */
    SeenMessages(KafkaProperties kafka, EmailIntakeProperties properties, LocalStateProperties local) {
        this.view = new CompactedTopicView<>(properties.seenTopic(), kafka, Entry::decode, Entry::encode, local);
    }

    /** A plain String producer, shared with the dead-letter reports. */
    KafkaTemplate<String, String> strings() {
        return view.template();
    }

    public Entry get(String key) {
        load();
        return view.get(key).orElse(null);
    }

    /**
     * Known at once to this process (so a second copy in the same batch finds it); the future completes when
     * Kafka has it.
     */
    public CompletableFuture<Void> put(String key, Entry entry) {
        load();
        return view.put(key, entry).orTimeout(30, TimeUnit.SECONDS);
    }

    public int size() {
        load();
        return view.size();
    }

    /** Reads the whole topic back (once, up to its end offsets at the first call), then follows it. */
    public void load() {
        long started = System.nanoTime();
        boolean first = !view.isRunning();
        if (!view.awaitLoaded(LOAD_WAIT)) {
            throw new IllegalStateException("still reading " + view.topic() + " back; will retry");
        }
        if (first) {
            log.info("Email intake: {} mails already seen, read back from {} in {} ms", view.size(), view.topic(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    @Override
    public void destroy() {
        view.close();
    }
}

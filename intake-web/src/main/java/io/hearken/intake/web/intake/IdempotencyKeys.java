package io.hearken.intake.web.intake;

import io.hearken.events.kafka.CompactedTopicView;
import io.hearken.events.kafka.TopicCatalogue;
import io.hearken.events.kafka.TopicKind;
import io.hearken.events.store.LocalStateProperties;
import io.hearken.intake.web.WebIntakeProperties;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Which complaint an idempotency key (an API {@code Idempotency-Key}, a form's hidden token) already made.
 * The record of it is a compacted Kafka topic ({@code hearken-web-idempotency}: deliberately outside the
 * router's {@code intake.*} pattern; key = the scoped key, value = {@code <complaint id> <request fingerprint>}):
 * every instance reads the whole topic at start-up and then follows it, so the answer survives restarts and is
 * shared by all instances without another store. What is read lies on local disk ({@code hearken.local-state.dir}),
 * not on the heap, which would otherwise grow by one entry per keyed submission for ever.
 * <p>Kept for ever, deliberately: a keyed submission's complaint id and event id are derived from the key
 * ({@link KeyedIds}, so a retry after a crash names the complaint already in Kafka), so a key whose record had
 * expired would make a new complaint under an id the router has already seen, and it would be dropped as a repeat.
 */
@Component
public class IdempotencyKeys implements SmartLifecycle, AutoCloseable {

    /** A remembered submission: the complaint id and a fingerprint of what was sent. */
    public record Entry(String complaintId, String fingerprint) {
        String encode() {
            return complaintId + " " + fingerprint;
        }

        static Entry decode(String value) {
            int space = value.indexOf(' ');
            return space < 0 ? new Entry(value, "") : new Entry(value.substring(0, space), value.substring(space + 1));
        }
    }

    private final CompactedTopicView<Entry> view;
    private final WebPublisher publisher;
    private final String topic;
    private final Duration wait;

    IdempotencyKeys(KafkaProperties kafka, WebPublisher publisher, WebIntakeProperties properties,
            LocalStateProperties local) {
        this.publisher = publisher;
        this.topic = properties.idempotencyTopic();
        this.wait = properties.publishTimeout();
        this.view = new CompactedTopicView<>(topic, kafka, Entry::decode, Entry::encode, local);
    }

    /** The complaint this key made, if any; throws {@link IntakeUnavailable} before the log could be read. */
    public Optional<Entry> find(String key) {
        if (!view.awaitLoaded(wait)) {
            throw new IntakeUnavailable("idempotency log not loaded yet", null);
        }
        return view.get(key);
    }

    /**
     * Publishes the complaint, then (once Kafka has it) its key record. Throws {@link IntakeUnavailable} when
     * the complaint was not acknowledged (no key record is written then); returns false when only the key
     * record was not.
     */
    public boolean publishWithKey(io.hearken.events.ComplaintEvent event, String key, Entry entry) {
        boolean recorded = publisher.publishWith(event, topic, key, entry.encode());
        view.remember(key, entry); // the complaint is in Kafka: this instance answers retries with it either way
        return recorded;
    }

    @Override
    public void start() {
        view.start();
    }

    /** Stops following the topic; answers stay available (in-flight requests while the server drains). */
    @Override
    public void stop() {
        view.stop();
    }

    /** After the web server has stopped: closes the view and deletes its local store. */
    @Override
    public void close() {
        view.close();
    }

    @Override
    public boolean isRunning() {
        return view.isRunning();
    }

    @Configuration(proxyBeanMethods = false)
    static class Topic {
        @Bean
        NewTopic webIdempotencyTopic(WebIntakeProperties properties, TopicCatalogue topics) {
            return topics.topic(properties.idempotencyTopic(), TopicKind.STATE);
        }
    }
}

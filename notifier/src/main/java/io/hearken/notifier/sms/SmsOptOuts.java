package io.hearken.notifier.sms;

import io.hearken.events.kafka.FollowingTopic;
import io.hearken.events.kafka.TopicTail;
import io.hearken.events.privacy.PersonalData;
import io.hearken.notifier.NotifierProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * The numbers that asked not to be texted (STOP, 退订), keyed by the contact hash ({@link PersonalData#hash}:
 * keyed HMAC of the normalised number), never the number itself. Kept on the compacted topic {@value #TOPIC}
 * (key: hash; value: when and by whom; a tombstone opts back in), which every instance reads from its beginning, so
 * an opt-out survives restarts and reaches every instance; plus the hashes in {@code hearken.notifier.sms.opted-out}.
 */
@Component("notifierSmsOptOuts")
public class SmsOptOuts extends FollowingTopic {

    public static final String TOPIC = "notifier.sms-opt-outs";
    private static final Duration LOAD_WAIT = Duration.ofSeconds(30);

    private final PersonalData privacy;
    private final Set<String> configured;
    private final Set<String> optedOut = ConcurrentHashMap.newKeySet();
    private final DefaultKafkaProducerFactory<String, String> producers;
    private final KafkaTemplate<String, String> kafka;

    SmsOptOuts(KafkaProperties kafkaProperties, PersonalData privacy, NotifierProperties properties) {
        super(BEFORE_LISTENERS);
        this.privacy = privacy;
        this.configured = Set.copyOf(properties.sms().optedOut().stream().map(String::strip).toList());
        this.producers = new DefaultKafkaProducerFactory<>(kafkaProperties.buildProducerProperties(),
                new StringSerializer(), new StringSerializer());
        this.kafka = new KafkaTemplate<>(producers);
        follow(TopicTail.keyed(TOPIC, new DefaultKafkaConsumerFactory<>(kafkaProperties.buildConsumerProperties(),
                new StringDeserializer(), new StringDeserializer()), (hash, value) -> {
                    if (value == null) {
                        optedOut.remove(hash);
                    } else {
                        optedOut.add(hash);
                    }
                }));
    }

    /** The contact hash of a phone number (what is stored and what the API answers). */
    public String hashOf(String phone) {
        return privacy.hash(phone);
    }

    /** Whether this number opted out; waits for the topic to be read back after a start (else: retry). */
    public boolean isOptedOut(String phone) {
        String hash = privacy.hash(phone);
        if (hash == null) {
            return false;
        }
        if (configured.contains(hash)) {
            return true;
        }
        if (!awaitLoaded(LOAD_WAIT)) {
            throw new IllegalStateException("still reading " + TOPIC + " back; will retry");
        }
        return optedOut.contains(hash);
    }

    /** Records the opt-out (durably, before it returns); returns the contact hash. */
    public String optOut(String phone, String by) {
        String hash = requireHash(phone);
        write(hash, "{\"at\":\"" + Instant.now() + "\",\"by\":\"" + by.replaceAll("[^\\w.@-]", "") + "\"}");
        optedOut.add(hash);
        return hash;
    }

    /** Takes an opt-out back (the resident asked to be texted again); returns the contact hash. */
    public String optIn(String phone) {
        String hash = requireHash(phone);
        write(hash, null);
        optedOut.remove(hash);
        return hash;
    }

    /** Whether the hash stays opted out whatever the topic says (listed in the configuration). */
    public boolean configured(String hash) {
        return configured.contains(hash);
    }

    private String requireHash(String phone) {
        String hash = privacy.hash(phone);
        if (hash == null) {
            throw new IllegalArgumentException("no phone number given");
        }
        return hash;
    }

    private void write(String hash, String value) {
        try {
            kafka.send(TOPIC, hash, value).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording an SMS opt-out", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not record the SMS opt-out in Kafka: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        super.stop();
        producers.destroy();
    }
}

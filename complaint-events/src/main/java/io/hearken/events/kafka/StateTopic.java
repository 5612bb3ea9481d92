package io.hearken.events.kafka;

import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.Topics;
import io.hearken.events.privacy.Sealing;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Reading and writing {@link Topics#STATE}: its wire format ({@link ComplaintSnapshot} JSON, key = complaint id)
 * and a tail that rebuilds a service's view from it, from the beginning, then follows it.
 */
public final class StateTopic {

    private StateTopic() {
    }

    public static Serializer<ComplaintSnapshot> serializer(Sealing sealing) {
        return SealedJson.serializer(sealing);
    }

    /** A record that cannot be read arrives as a null value with the error in a header (skipped, not a tombstone). */
    public static ErrorHandlingDeserializer<ComplaintSnapshot> deserializer(Sealing sealing) {
        return SealedJson.deserializer(sealing, ComplaintSnapshot.class);
    }

    /** Boot's consumer settings (servers, security, read_committed) with the snapshot format. */
    public static ConsumerFactory<String, ComplaintSnapshot> consumers(ConsumerFactory<?, ?> boot, Sealing sealing) {
        return new DefaultKafkaConsumerFactory<>(boot.getConfigurationProperties(), new StringDeserializer(),
                deserializer(sealing));
    }

    /**
     * Follows {@code complaints.state} from its beginning; {@code sink} gets each snapshot, or a null snapshot
     * when the complaint was removed (a tombstone). Start it, and stop it with the owning bean.
     */
    public static TopicTail<ComplaintSnapshot> tail(ConsumerFactory<?, ?> boot, Sealing sealing,
            BiConsumer<ComplaintId, ComplaintSnapshot> sink) {
        return TopicTail.keyed(Topics.STATE, consumers(boot, sealing), (key, snapshot) -> {
            if (key != null && ComplaintId.isValid(key)) {
                sink.accept(ComplaintId.of(key), snapshot);
            }
        });
    }
}

package io.hearken.events.kafka;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.privacy.Sealing;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Puts the event wire format on Boot's Kafka factories: String keys (the complaint id) and
 * {@link ComplaintEvent} JSON values whose {@code "type"} field names the record, personal fields sealed
 * ({@link SealedJson}). A value that cannot
 * be read becomes a deserialization exception for the container's error handler (dead letter), never a
 * crash of the consumer loop.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnClass(DefaultKafkaProducerFactory.class)
public class EventWireFormatAutoConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer eventSerializers(Sealing sealing) {
        return factory -> wire(factory, sealing);
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer eventDeserializers(Sealing sealing) {
        return factory -> wire(factory, sealing);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void wire(DefaultKafkaProducerFactory factory, Sealing sealing) {
        factory.setKeySerializer(new StringSerializer());
        factory.setValueSerializer(serializer(sealing));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void wire(DefaultKafkaConsumerFactory factory, Sealing sealing) {
        factory.setKeyDeserializer(new StringDeserializer());
        factory.setValueDeserializer(deserializer(sealing));
    }

    /** The value serializer, for code that builds its own producer. */
    public static Serializer<ComplaintEvent> serializer(Sealing sealing) {
        return SealedJson.serializer(sealing);
    }

    /** The value deserializer, wrapped so a bad record reaches the error handler instead of looping. */
    public static ErrorHandlingDeserializer<ComplaintEvent> deserializer(Sealing sealing) {
        return SealedJson.deserializer(sealing, ComplaintEvent.class);
    }
}

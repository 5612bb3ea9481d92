package io.hearken.events.kafka;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.json.EventJson;
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
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * Puts the event wire format on Boot's Kafka factories: String keys (the complaint id) and
 * {@link ComplaintEvent} JSON values whose {@code "type"} field names the record. A value that cannot
 * be read becomes a deserialization exception for the container's error handler (dead letter), never a
 * crash of the consumer loop.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnClass(DefaultKafkaProducerFactory.class)
public class EventWireFormatAutoConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer eventSerializers() {
        return factory -> wire(factory);
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer eventDeserializers() {
        return factory -> wire(factory);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void wire(DefaultKafkaProducerFactory factory) {
        factory.setKeySerializer(new StringSerializer());
        factory.setValueSerializer(serializer());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void wire(DefaultKafkaConsumerFactory factory) {
        factory.setKeyDeserializer(new StringDeserializer());
        factory.setValueDeserializer(deserializer());
    }

    /** The value serializer, for code that builds its own producer. */
    public static JacksonJsonSerializer<ComplaintEvent> serializer() {
        return new JacksonJsonSerializer<ComplaintEvent>(EventJson.mapper()).noTypeInfo();
    }

    /** The value deserializer, wrapped so a bad record reaches the error handler instead of looping. */
    public static ErrorHandlingDeserializer<ComplaintEvent> deserializer() {
        JacksonJsonDeserializer<ComplaintEvent> json =
                new JacksonJsonDeserializer<ComplaintEvent>(ComplaintEvent.class, EventJson.mapper())
                        .ignoreTypeHeaders();
        return new ErrorHandlingDeserializer<>(json);
    }
}

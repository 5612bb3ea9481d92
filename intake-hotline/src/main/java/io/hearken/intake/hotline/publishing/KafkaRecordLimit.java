package io.hearken.intake.hotline.publishing;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.Topics;
import io.hearken.intake.hotline.call.Call;
import io.hearken.intake.hotline.call.Turn;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Events Kafka will never take: larger than the producer's {@code max.request.size} (default 1 MiB), or refused
 * by the broker for good (too large for the topic, not serializable). Sending one again cannot help, so its call
 * is quarantined with the reason instead of keeping its file in the inbox for ever.
 */
final class KafkaRecordLimit {

    /** Record and batch headers beside key and value (a record batch of one is about 90 bytes). */
    private static final int OVERHEAD = 1024;

    private final Serializer<ComplaintEvent> serializer;
    private final int maxRequestSize;

    KafkaRecordLimit(ProducerFactory<String, ComplaintEvent> producers) {
        Serializer<ComplaintEvent> configured = producers.getValueSerializerSupplier().get();
        // Boot's factory carries the sealing serializer (EventWireFormatAutoConfiguration): the size is measured sealed.
        this.serializer = java.util.Objects.requireNonNull(configured, "the event serializer");
        Object size = producers.getConfigurationProperties().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        this.maxRequestSize = size == null ? 1_048_576 : Integer.parseInt(size.toString().strip());
    }

    /** Why the producer would refuse this event, or {@code null} when it fits. */
    String refusal(Call call, String key, ComplaintEvent event) {
        if (textChars(call) * 6L + 16_384 < maxRequestSize) {
            return null; // even if every character were escaped as \\uXXXX it fits: no need to serialize it twice
        }
        int bytes;
        try {
            bytes = key.getBytes(StandardCharsets.UTF_8).length + serializer.serialize(Topics.INTAKE_HOTLINE, event).length;
        } catch (RuntimeException e) {
            return "事件无法序列化 / the event cannot be serialized: " + e.getMessage();
        }
        if (bytes + OVERHEAD <= maxRequestSize) {
            return null;
        }
        return "事件 " + bytes + " 字节，超过 Kafka 单条消息上限 " + maxRequestSize + " 字节 / the event is " + bytes
                + " bytes, more than Kafka takes in one record (max.request.size " + maxRequestSize + " bytes)";
    }

    /** Why Kafka refused a record for good, or {@code null} when the failure may pass (timeout, broker down). */
    static String refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException) {
                return "Kafka 拒收：消息过大 / Kafka refused the event as too large: " + t.getMessage();
            }
            if (t instanceof InvalidRecordException || t instanceof SerializationException) {
                return "Kafka 拒收 / Kafka refused the event: " + t;
            }
        }
        return null;
    }

    private static long textChars(Call call) {
        long chars = length(call.summary()) + length(call.transcript()) + length(call.location()) + 512;
        for (Turn turn : call.turns()) {
            chars += turn.text().length() + 1;
        }
        return chars;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}

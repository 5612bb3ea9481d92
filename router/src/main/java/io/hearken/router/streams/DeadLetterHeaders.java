package io.hearken.router.streams;

import io.hearken.events.Topics;
import io.micrometer.core.instrument.Metrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The headers spring-kafka's dead-letter publishing writes, so the router's dead letters read like the others'. */
final class DeadLetterHeaders {

    private static final Logger log = LoggerFactory.getLogger(RoutingProcessor.class);

    private DeadLetterHeaders() {
    }

    /** The record unchanged, to {@code <source topic>-dlt} with the reason; logged and counted. */
    static Record<String, byte[]> deadLetter(Record<String, byte[]> record, Optional<RecordMetadata> meta, Exception e) {
        String topic = meta.map(RecordMetadata::topic).orElse("router");
        log.warn("Dead-lettering a record from {}: {}", topic, e.toString());
        // hearken_router_dead_letters_total: any increase is worth an alert (docs/operations.md).
        Metrics.counter("hearken.router.dead.letters", "topic", topic,
                "reason", e instanceof RejectedByRouter ? "rejected" : "unreadable-or-failed").increment();
        return new Record<>(record.key(), record.value(), record.timestamp(), of(record.headers(), meta, topic, e));
    }

    /** The record's own headers plus where it came from, the reason, and the sink's target {@code <topic>-dlt}. */
    static Headers of(Headers original, Optional<RecordMetadata> meta, String topic, Exception e) {
        Headers headers = new RecordHeaders(original.toArray());
        headers.add("kafka_dlt-original-topic", utf8(topic));
        meta.ifPresent(m -> {
            headers.add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(m.partition()).array());
            headers.add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(m.offset()).array());
        });
        headers.add("kafka_dlt-exception-fqcn", utf8(e.getClass().getName()));
        headers.add("kafka_dlt-exception-message", utf8(String.valueOf(e.getMessage())));
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        headers.add("kafka_dlt-exception-stacktrace", utf8(trace.toString()));
        headers.add(RouterTopology.TARGET_HEADER, utf8(topic + Topics.DEAD_LETTER_SUFFIX));
        return headers;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

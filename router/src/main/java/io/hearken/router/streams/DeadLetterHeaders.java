package io.hearken.router.streams;

import io.hearken.events.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** The headers spring-kafka's dead-letter publishing writes, so the router's dead letters read like the others'. */
final class DeadLetterHeaders {

    private DeadLetterHeaders() {
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

package io.hearken.router.engine;

import io.hearken.events.observability.ComplaintIdInLogs;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.ProcessorWrapper;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.processor.api.WrappedFixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.WrappedProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Continues the trace through the router's topology (Kafka Streams has no tracing of its own): each record a
 * processor handles is a span, child of the {@code traceparent} the record came with, with the complaint id in
 * the logging MDC; every record it forwards carries that span's {@code traceparent}. Set as the topology's
 * {@code processor.wrapper.class}, so the processors themselves know nothing of it. Records forwarded from a
 * punctuation (the SLA clock) start traces of their own downstream.
 */
public class TracedProcessors implements ProcessorWrapper {

    /** Config keys under which {@link RouterEngine} hands over the tracer and propagator. */
    static final String TRACER = "hearken.tracing.tracer";
    static final String PROPAGATOR = "hearken.tracing.propagator";
    private static final String[] TRACE_HEADERS = {"traceparent", "tracestate", "baggage"};

    private Tracer tracer = Tracer.NOOP;
    private Propagator propagator = Propagator.NOOP;

    @Override
    public void configure(Map<String, ?> configs) {
        if (configs.get(TRACER) instanceof Tracer t && configs.get(PROPAGATOR) instanceof Propagator p) {
            tracer = t;
            propagator = p;
        }
    }

    @Override
    public <KIn, VIn, KOut, VOut> WrappedProcessorSupplier<KIn, VIn, KOut, VOut> wrapProcessorSupplier(
            String name, ProcessorSupplier<KIn, VIn, KOut, VOut> supplier) {
        return new WrappedProcessorSupplier<>() {
            @Override
            public Processor<KIn, VIn, KOut, VOut> get() {
                return new Traced<>(name, supplier.get());
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return supplier.stores();
            }
        };
    }

    @Override
    public <KIn, VIn, VOut> WrappedFixedKeyProcessorSupplier<KIn, VIn, VOut> wrapFixedKeyProcessorSupplier(
            String name, FixedKeyProcessorSupplier<KIn, VIn, VOut> supplier) {
        return ProcessorWrapper.asWrappedFixedKey(supplier); // the router's topology has none
    }

    private final class Traced<KIn, VIn, KOut, VOut> implements Processor<KIn, VIn, KOut, VOut> {

        private final String name;
        private final Processor<KIn, VIn, KOut, VOut> processor;
        private Span current; // only touched by the stream thread that owns this processor

        Traced(String name, Processor<KIn, VIn, KOut, VOut> processor) {
            this.name = name;
            this.processor = processor;
        }

        @Override
        public void init(ProcessorContext<KOut, VOut> context) {
            processor.init(new Forwarding<>(context, this));
        }

        @Override
        public void process(Record<KIn, VIn> record) {
            Span span = propagator.extract(record.headers(), Traced::header)
                    .name("router " + name).kind(Span.Kind.CONSUMER).start();
            boolean named = ComplaintIdInLogs.put(record.key());
            current = span;
            try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                processor.process(record);
            } catch (RuntimeException e) {
                span.error(e);
                throw e;
            } finally {
                current = null;
                span.end();
                if (named) {
                    ComplaintIdInLogs.remove();
                }
            }
        }

        @Override
        public void close() {
            processor.close();
        }

        /** The record with its trace headers replaced by the current span's (a copy: headers may be shared). */
        <K, V> Record<K, V> traced(Record<K, V> record) {
            Span span = current;
            if (span == null) {
                return record;
            }
            Headers headers = new RecordHeaders(record.headers().toArray());
            for (String h : TRACE_HEADERS) {
                headers.remove(h);
            }
            propagator.inject(span.context(), headers,
                    (carrier, key, value) -> carrier.add(key, value.getBytes(StandardCharsets.UTF_8)));
            return record.withHeaders(headers);
        }

        private static String header(Headers headers, String key) {
            Header h = headers.lastHeader(key);
            return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    }

    /** The processor's context, forwarding traced records. */
    private record Forwarding<KOut, VOut>(ProcessorContext<KOut, VOut> context, Traced<?, ?, KOut, VOut> traced)
            implements ProcessorContext<KOut, VOut> {

        @Override
        public <K extends KOut, V extends VOut> void forward(Record<K, V> record) {
            context.forward(traced.traced(record));
        }

        @Override
        public <K extends KOut, V extends VOut> void forward(Record<K, V> record, String childName) {
            context.forward(traced.traced(record), childName);
        }

        @Override
        public String applicationId() {
            return context.applicationId();
        }

        @Override
        public TaskId taskId() {
            return context.taskId();
        }

        @Override
        public Optional<RecordMetadata> recordMetadata() {
            return context.recordMetadata();
        }

        @Override
        public Serde<?> keySerde() {
            return context.keySerde();
        }

        @Override
        public Serde<?> valueSerde() {
            return context.valueSerde();
        }

        @Override
        public File stateDir() {
            return context.stateDir();
        }

        @Override
        public StreamsMetrics metrics() {
            return context.metrics();
        }

        @Override
        public <S extends StateStore> S getStateStore(String name) {
            return context.getStateStore(name);
        }

        @Override
        public Cancellable schedule(Duration interval, PunctuationType type, Punctuator callback) {
            return context.schedule(interval, type, callback);
        }

        @Override
        public Cancellable schedule(Instant startTime, Duration interval, PunctuationType type, Punctuator callback) {
            return context.schedule(startTime, interval, type, callback);
        }

        @Override
        public void commit() {
            context.commit();
        }

        @Override
        public Map<String, Object> appConfigs() {
            return context.appConfigs();
        }

        @Override
        public Map<String, Object> appConfigsWithPrefix(String prefix) {
            return context.appConfigsWithPrefix(prefix);
        }

        @Override
        public long currentSystemTimeMs() {
            return context.currentSystemTimeMs();
        }

        @Override
        public long currentStreamTimeMs() {
            return context.currentStreamTimeMs();
        }
    }
}

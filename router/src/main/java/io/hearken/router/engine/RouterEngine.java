package io.hearken.router.engine;

import io.hearken.router.routing.RoutingComplaints;
import io.hearken.events.privacy.Sealing;
import io.hearken.router.streams.RouterTopology;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/** Runs the router topology in Kafka Streams for the life of the application context. */
@Component
@ConditionalOnBooleanProperty(name = "hearken.router.engine-enabled", matchIfMissing = true)
public class RouterEngine implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RouterEngine.class);

    private final RoutingComplaints router;
    private final Clock clock;
    private final RouterProperties properties;
    private final KafkaProperties kafka;
    private final ObjectProvider<MeterRegistry> meters;
    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;
    private final io.hearken.events.kafka.KafkaTopicProperties topics;
    private final Sealing sealing;
    private volatile String stopped;
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics metrics;
    private Path temporaryStateDir;

    RouterEngine(RoutingComplaints router, @Qualifier("routerClock") Clock clock, RouterProperties properties,
            KafkaProperties kafka, ObjectProvider<MeterRegistry> meters, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator, io.hearken.events.kafka.KafkaTopicProperties topics,
            Sealing sealing) {
        this.topics = topics;
        this.sealing = sealing;
        this.router = router;
        this.clock = clock;
        this.properties = properties;
        this.kafka = kafka;
        this.meters = meters;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        Map<String, Object> config = config();
        KafkaStreams s = new KafkaStreams(topology(config), new StreamsConfig(config));
        // Records that fail are dead-lettered inside the topology; anything else gets a fresh thread.
        s.setUncaughtExceptionHandler(e -> {
            Throwable refusal = StreamFailures.refusal(e);
            if (refusal != null) {
                stopped = "Kafka refused the router: " + refusal.getMessage() + " (check spring.kafka.security.*, "
                        + "spring.kafka.properties.sasl.* and the ACLs of the router's principal)";
                log.error("Router streams stop: {}", stopped, e);
            } else {
                log.error("Router stream thread failed; replacing it", e);
            }
            return StreamFailures.responseTo(e);
        });
        s.setStateListener((now, before) -> log.info("Router streams {} → {}", before, now));
        MeterRegistry registry = meters.getIfUnique();
        if (registry != null) {
            // kafka_stream_* and its clients' kafka_consumer_* (lag) and kafka_producer_*; the spring.id tag gives
            // them the tag keys of Boot's client metrics, as Prometheus drops a name's meters with other keys.
            metrics = new KafkaStreamsMetrics(s, List.of(Tag.of("spring.id", "kafkaStreams." + properties.applicationId())));
            metrics.bindTo(registry);
        }
        s.start();
        streams = s;
    }

    /** The topology; when tracing is on, its processors are wrapped to continue each record's trace. */
    private Topology topology(Map<String, Object> config) {
        Tracer t = tracer.getIfUnique();
        Propagator p = propagator.getIfUnique();
        if (t == null || p == null || t == Tracer.NOOP) {
            return RouterTopology.build(router, clock, properties.slaCheckInterval(), properties.historyKept(), sealing);
        }
        config.put(StreamsConfig.PROCESSOR_WRAPPER_CLASS_CONFIG, TracedProcessors.class);
        Map<String, Object> withTracing = new HashMap<>(config);
        withTracing.put(TracedProcessors.TRACER, t);
        withTracing.put(TracedProcessors.PROPAGATOR, p);
        return RouterTopology.build(new Topology(new TopologyConfig(new StreamsConfig(withTracing))), router, clock,
                properties.slaCheckInterval(), properties.historyKept(), sealing);
    }

    Map<String, Object> config() {
        Map<String, Object> c = new HashMap<>();
        c.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        c.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        c.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedStateMemory.class);
        c.put(BoundedStateMemory.SIZE, properties.stateMemory().toBytes());
        c.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // Pattern subscriptions (intake.*) notice a new topic within 5 s.
        c.put(StreamsConfig.consumerPrefix(ConsumerConfig.METADATA_MAX_AGE_CONFIG), 5000);
        c.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        c.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_BLOCK_MS_CONFIG), 30_000);
        // The changelogs and repartition topics Kafka Streams makes get the same durability as the declared topics.
        c.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) topics.replicas());
        c.put(StreamsConfig.topicPrefix(org.apache.kafka.common.config.TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
                String.valueOf(topics.minInsyncReplicas()));
        // Where Kafka is and how to sign in, as every other client takes it (spring.kafka.bootstrap-servers,
        // .security.*, .ssl.*, .properties.* e.g. sasl.mechanism and sasl.jaas.config), and anything else for Kafka
        // Streams (spring.kafka.streams.properties.*, e.g. a shorter session.timeout.ms for a faster take-over).
        c.putAll(kafka.buildStreamsProperties());
        c.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        c.put(StreamsConfig.STATE_DIR_CONFIG, stateDir().toString());
        return c;
    }

    /**
     * {@code spring.kafka.streams.state-dir}: kept across restarts, one per instance (RocksDB stores; a restart then
     * reads only the changelogs' tail). Unset: a fresh temp folder, deleted at stop (a full restore at each start).
     */
    private Path stateDir() {
        try {
            String configured = kafka.getStreams().getStateDir();
            if (configured != null && !configured.isBlank()) {
                return Files.createDirectories(Path.of(configured));
            }
            if (temporaryStateDir == null) {
                temporaryStateDir = Files.createTempDirectory("hearken-router-streams-");
            }
            return temporaryStateDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void stop() {
        KafkaStreams s = streams;
        streams = null;
        boolean closed = true;
        if (s != null) {
            // Leave the group at once: the other instances take the partitions over now, not after the session timeout.
            closed = s.close(org.apache.kafka.streams.CloseOptions.timeout(Duration.ofSeconds(10))
                    .withGroupMembershipOperation(org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        }
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
        if (temporaryStateDir != null) {
            if (closed) { // never under stores still open: then it stays in the temp folder
                FileSystemUtils.deleteRecursively(temporaryStateDir.toFile());
            }
            temporaryStateDir = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** Why the streams stopped for good (a refusal by the broker), or null. */
    public String stopped() {
        return stopped;
    }

    /** CREATED, REBALANCING, RUNNING, ... or NOT_STARTED. */
    public String state() {
        KafkaStreams s = streams;
        return s == null ? "NOT_STARTED" : s.state().name();
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200; // after the web server and the listener containers
    }
}

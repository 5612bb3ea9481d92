package io.hearken.router.engine;

import io.hearken.router.routing.RoutingComplaints;
import io.hearken.router.streams.RouterTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs the router topology in Kafka Streams for the life of the application context. */
@Component
@ConditionalOnBooleanProperty(name = "hearken.router.engine-enabled", matchIfMissing = true)
public class RouterEngine implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RouterEngine.class);

    private final RoutingComplaints router;
    private final Clock clock;
    private final RouterProperties properties;
    private final KafkaProperties kafka;
    private volatile KafkaStreams streams;

    RouterEngine(RoutingComplaints router, @Qualifier("routerClock") Clock clock, RouterProperties properties,
            KafkaProperties kafka) {
        this.router = router;
        this.clock = clock;
        this.properties = properties;
        this.kafka = kafka;
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        KafkaStreams s = new KafkaStreams(RouterTopology.build(router, clock, properties.slaCheckInterval()),
                new StreamsConfig(config()));
        // Records that fail are dead-lettered inside the topology; anything else gets a fresh thread.
        s.setUncaughtExceptionHandler(e -> {
            log.error("Router stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        s.setStateListener((now, before) -> log.info("Router streams {} → {}", before, now));
        s.start();
        streams = s;
    }

    Map<String, Object> config() {
        Map<String, Object> c = new HashMap<>();
        c.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        c.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        c.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        c.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        c.put(StreamsConfig.STATE_DIR_CONFIG, stateDir().toString());
        c.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // Pattern subscriptions (intake.*) notice a new topic within 5 s.
        c.put(StreamsConfig.consumerPrefix(ConsumerConfig.METADATA_MAX_AGE_CONFIG), 5000);
        c.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        c.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_BLOCK_MS_CONFIG), 30_000);
        c.putAll(kafka.getProperties().entrySet().stream()
                .filter(e -> e.getKey().startsWith("security.") || e.getKey().startsWith("sasl.") || e.getKey().startsWith("ssl."))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        // spring.kafka.security.protocol (SPRING_KAFKA_SECURITY_PROTOCOL) lives outside spring.kafka.properties.
        c.putAll(kafka.getSecurity().buildProperties());
        return c;
    }

    private Path stateDir() {
        try {
            return properties.stateDir() != null ? Files.createDirectories(properties.stateDir())
                    : Files.createTempDirectory("hearken-router-streams-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void stop() {
        KafkaStreams s = streams;
        streams = null;
        if (s != null) {
            s.close(Duration.ofSeconds(10));
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
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

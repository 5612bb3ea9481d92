package io.hearken.router.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.util.unit.DataSize;

/**
 * The router's Kafka Streams configuration keeps the cluster's security settings (SASL, TLS) as every client does, and
 * its state folder and memory bound.
 */
class RouterEngineConfigTest {

    @Test
    void saslAndSecurityProtocolFromSpringKafkaReachKafkaStreams(@TempDir Path state) {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of("kafka-1:9093"));
        kafka.getSecurity().setProtocol("SASL_SSL");
        kafka.getProperties().put("sasl.mechanism", "SCRAM-SHA-512");
        kafka.getProperties().put("sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";");
        kafka.getSsl().setTrustStoreType("PKCS12");
        kafka.getStreams().getProperties().put("session.timeout.ms", "10000");
        kafka.getStreams().setStateDir(state.resolve("router").toString());
        RouterProperties properties = new RouterProperties(null, null, null, null, 0.45, Duration.ofHours(24),
                Duration.ofDays(30), 0.3, "hearken-router", DataSize.ofMegabytes(32), Duration.ofSeconds(10), true,
                Duration.ofSeconds(30), Duration.ofDays(5), 200);

        var none = new org.springframework.beans.factory.support.DefaultListableBeanFactory(); // no registry, tracer, propagator
        var config = new RouterEngine(null, Clock.systemUTC(), properties, kafka, none.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class),
                none.getBeanProvider(io.micrometer.tracing.Tracer.class),
                none.getBeanProvider(io.micrometer.tracing.propagation.Propagator.class),
                new io.hearken.events.kafka.KafkaTopicProperties(3, (short) 3, (short) 2, java.time.Duration.ofDays(365)),
                io.hearken.events.privacy.InMemoryKeys.sealing()).config();

        assertThat(String.valueOf(config.get("bootstrap.servers"))).contains("kafka-1:9093");
        assertThat(config).containsEntry("application.id", "hearken-router")
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("session.timeout.ms", "10000")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("sasl.jaas.config")
                .containsEntry("replication.factor", 3)
                .containsEntry("topic.min.insync.replicas", "2")
                // RocksDB stores in the configured folder, their native memory bounded by one shared cache
                .containsEntry("state.dir", state.resolve("router").toString())
                .containsEntry("rocksdb.config.setter", BoundedStateMemory.class)
                .containsEntry(BoundedStateMemory.SIZE, 32L << 20);
        assertThat(state.resolve("router")).isDirectory();
    }
}

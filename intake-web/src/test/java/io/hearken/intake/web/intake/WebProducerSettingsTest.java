package io.hearken.intake.web.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.intake.web.WebIntakeProperties;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.util.unit.DataSize;

/** The web producer's batching comes from {@code hearken.web.producer}, and its delivery promises stay fixed. */
class WebProducerSettingsTest {

    @Test
    void defaultsBatchBrieflyAndKeepAcksAllAndIdempotence() {
        Map<String, Object> config = WebPublisher.producerConfig(new KafkaProperties(), Duration.ofSeconds(5),
                new WebIntakeProperties.Producer(null, null, null));

        assertThat(config).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024)
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Kafka refuses a delivery timeout below linger + request timeout.
        assertThat((int) config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isGreaterThanOrEqualTo(
                (int) config.get(ProducerConfig.LINGER_MS_CONFIG) + (int) config.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
    }

    @Test
    void applicationYmlSetsLingerBatchSizeAndCompression() {
        WebIntakeProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "hearken.web.producer.linger", "2ms", "hearken.web.producer.batch-size", "256KB",
                "hearken.web.producer.compression", "zstd")))
                .bind("hearken.web", WebIntakeProperties.class).get();

        assertThat(properties.producer().batchSize()).isEqualTo(DataSize.ofKilobytes(256));
        Map<String, Object> config = WebPublisher.producerConfig(new KafkaProperties(), properties.publishTimeout(),
                properties.producer());
        assertThat(config).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 2)
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024)
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    }
}

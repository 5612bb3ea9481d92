package io.hearken.events.privacy;

import io.hearken.events.Topics;
import io.hearken.events.json.EventJson;
import io.hearken.events.kafka.TopicCatalogue;
import io.hearken.events.kafka.TopicKind;
import io.hearken.events.store.LocalStateProperties;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * Crypto-shredding for every deployable that speaks Kafka: the {@link MasterKey} (checked at start-up, so a
 * deployable without one refuses to start and names the setting), the {@link DataKeys} on {@code privacy.keys}
 * (opened on first use) and the {@link Sealing} the wire format applies to every record.
 */
@AutoConfiguration(after = {PrivacyAutoConfiguration.class, io.hearken.events.kafka.EventTopicsAutoConfiguration.class},
        beforeName = "io.hearken.events.kafka.EventWireFormatAutoConfiguration")
@ConditionalOnClass(KafkaProperties.class)
@EnableConfigurationProperties(LocalStateProperties.class) // where the data keys lie (and every other LocalStore)
public class SealingAutoConfiguration {

    /** Compaction removes a destroyed key's record within about this long once the segment has rolled. */
    private static final String COMPACTION_LAG_MS = "60000";

    @Bean
    @ConditionalOnMissingBean
    MasterKey hearkenMasterKey(PrivacyProperties properties) {
        return MasterKey.fromBase64(properties.masterKey());
    }

    @Bean(destroyMethod = "close")
    @Lazy
    @ConditionalOnMissingBean
    DataKeys hearkenDataKeys(MasterKey master, KafkaProperties kafka, LocalStateProperties local,
            PrivacyProperties privacy) {
        return new DataKeys(master, kafka.buildProducerProperties(), new DefaultKafkaConsumerFactory<>(
                kafka.buildConsumerProperties(), new StringDeserializer(), new ByteArrayDeserializer()), local,
                privacy.openedKeys());
    }

    @Bean
    @ConditionalOnMissingBean
    Sealing hearkenSealing(MasterKey master, ObjectProvider<DataKeys> keys, ObjectProvider<PersonalData> hashing) {
        // Resolved on first use, then kept: looking a bean up is slow, and every sealed record asks.
        return new Sealing(SingletonSupplier.of(keys::getObject), SingletonSupplier.of(() -> {
            try {
                return Optional.ofNullable(hashing.getIfAvailable());
            } catch (RuntimeException noSecret) {
                return Optional.empty(); // a key then names no resident; erasure finds it through the index
            }
        }), EventJson.mapper());
    }

    /** Hands erasures to the deployable's {@link ErasureHandler}s, if it has any. */
    @Bean
    ErasureFeed hearkenErasureFeed(KafkaProperties kafka, ObjectProvider<ErasureHandler> handlers) {
        return new ErasureFeed(kafka.buildConsumerProperties(), handlers);
    }

    /** Compacted, never deleted by age; a destroyed key leaves the log within minutes, not at the next big clean. */
    @Bean
    @ConditionalOnBean(TopicCatalogue.class)
    NewTopic hearkenPrivacyKeysTopic(TopicCatalogue topics) {
        return topics.topic(Topics.PRIVACY_KEYS, TopicKind.STATE, Map.of(
                TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, COMPACTION_LAG_MS,
                TopicConfig.SEGMENT_MS_CONFIG, COMPACTION_LAG_MS,
                TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01",
                TopicConfig.DELETE_RETENTION_MS_CONFIG, COMPACTION_LAG_MS));
    }
}

package io.hearken.intake.email.intake;

import io.hearken.intake.email.EmailIntakeProperties;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The channel's own topics: the compacted seen-store and the dead-letter topic for quarantined mail. */
@Configuration(value = "emailIntakeTopicsConfiguration", proxyBeanMethods = false)
class EmailIntakeTopics {

    @Bean
    KafkaAdmin.NewTopics emailIntakeOwnTopics(EmailIntakeProperties properties,
            @Value("${hearken.kafka.partitions:3}") int partitions, @Value("${hearken.kafka.replicas:1}") short replicas) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(properties.seenTopic()).partitions(partitions).replicas(replicas)
                        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build(),
                TopicBuilder.name(properties.deadLetterTopic()).partitions(partitions).replicas(replicas).build());
    }
}

package io.hearken.events.kafka;

import io.hearken.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the contract's fixed topics at start-up (Boot's KafkaAdmin does it for NewTopic beans), so
 * consumers subscribed by pattern see them at once instead of after their next metadata refresh.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaAdmin.class)
public class EventTopicsAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics hearkenTopics(@Value("${hearken.kafka.partitions:3}") int partitions,
            @Value("${hearken.kafka.replicas:1}") short replicas) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.INTAKE_EMAIL, partitions, replicas), topic(Topics.INTAKE_WEB, partitions, replicas),
                topic(Topics.INTAKE_HOTLINE, partitions, replicas), topic(Topics.ROUTED, partitions, replicas),
                topic(Topics.UPDATES, partitions, replicas), topic(Topics.NOTIFICATIONS, partitions, replicas));
    }

    private static NewTopic topic(String name, int partitions, short replicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas).build();
    }
}

package io.hearken.events.kafka;

import io.hearken.events.Topics;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topic catalogue every module declares its topics with, and the contract's fixed topics, created at start-up
 * (Boot's KafkaAdmin does it for NewTopic beans) so consumers subscribed by pattern see them at once.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaAdmin.class)
@EnableConfigurationProperties(KafkaTopicProperties.class)
public class EventTopicsAutoConfiguration {

    @Bean
    TopicCatalogue hearkenTopicCatalogue(KafkaTopicProperties properties) {
        return new TopicCatalogue(properties);
    }

    @Bean
    KafkaAdmin.NewTopics hearkenTopics(TopicCatalogue topics) {
        return new KafkaAdmin.NewTopics(
                topics.topic(Topics.INTAKE_EMAIL, TopicKind.EVENTS), topics.topic(Topics.INTAKE_WEB, TopicKind.EVENTS),
                topics.topic(Topics.INTAKE_HOTLINE, TopicKind.EVENTS), topics.topic(Topics.ROUTED, TopicKind.EVENTS),
                topics.topic(Topics.UPDATES, TopicKind.EVENTS), topics.topic(Topics.NOTIFICATIONS, TopicKind.EVENTS),
                topics.topic(Topics.STATE, TopicKind.STATE), topics.topic(Topics.ERASURES, TopicKind.STATE));
    }
}

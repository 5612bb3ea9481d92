package io.hearken.desk.board;

import io.hearken.desk.DeskProperties;
import io.hearken.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The queue topics of the known departments exist from the start, so the board subscribes to them at once. */
@Configuration(proxyBeanMethods = false)
class DeskTopics {

    @Bean
    KafkaAdmin.NewTopics deskAssignmentTopics(DeskProperties properties,
            @Value("${hearken.kafka.replicas:1}") short replicas) {
        return new KafkaAdmin.NewTopics(properties.departments().stream()
                .map(code -> TopicBuilder.name(Topics.assignments(code)).partitions(properties.partitions()).replicas(replicas).build())
                .toArray(NewTopic[]::new));
    }
}

package io.hearken.desk.board;

import io.hearken.desk.DeskProperties;
import io.hearken.events.Topics;
import io.hearken.events.kafka.TopicCatalogue;
import io.hearken.events.kafka.TopicKind;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The queue topics of the known departments exist from the start, so the board subscribes to them at once. */
@Configuration(proxyBeanMethods = false)
class DeskTopics {

    @Bean
    KafkaAdmin.NewTopics deskAssignmentTopics(DeskProperties properties, TopicCatalogue catalogue) {
        // And the topic of the complaints staff enter at the desk (the router, analytics and the board follow intake.*).
        return new KafkaAdmin.NewTopics(java.util.stream.Stream.concat(properties.departments().stream()
                .map(code -> catalogue.topic(Topics.assignments(code), TopicKind.EVENTS, properties.partitions())),
                java.util.stream.Stream.of(catalogue.topic(Topics.INTAKE_DESK, TopicKind.EVENTS)))
                .toArray(NewTopic[]::new));
    }
}

package io.hearken.intake.email.intake;

import io.hearken.events.kafka.TopicCatalogue;
import io.hearken.events.kafka.TopicKind;
import io.hearken.intake.email.EmailIntakeProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The channel's own topics: the compacted seen-store and the dead-letter topic for quarantined mail. */
@Configuration(value = "emailIntakeTopicsConfiguration", proxyBeanMethods = false)
class EmailIntakeTopics {

    @Bean
    KafkaAdmin.NewTopics emailIntakeOwnTopics(EmailIntakeProperties properties, TopicCatalogue topics) {
        return new KafkaAdmin.NewTopics(topics.topic(properties.seenTopic(), TopicKind.STATE),
                topics.topic(properties.deadLetterTopic(), TopicKind.DEAD_LETTERS));
    }
}

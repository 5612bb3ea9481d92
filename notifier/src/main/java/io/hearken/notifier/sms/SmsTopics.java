package io.hearken.notifier.sms;

import io.hearken.events.kafka.TopicCatalogue;
import io.hearken.events.kafka.TopicKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The opt-out topic: compacted, never expires (an opt-out holds until taken back). */
@Configuration(value = "notifierSmsTopics", proxyBeanMethods = false)
class SmsTopics {

    @Bean
    KafkaAdmin.NewTopics notifierSmsOptOutTopic(TopicCatalogue topics) {
        return new KafkaAdmin.NewTopics(topics.topic(SmsOptOuts.TOPIC, TopicKind.STATE));
    }
}

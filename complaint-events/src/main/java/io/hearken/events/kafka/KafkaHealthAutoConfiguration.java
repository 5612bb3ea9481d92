package io.hearken.events.kafka;

import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Puts Kafka into {@code /actuator/health} (Boot has no Kafka health indicator of its own), and the views built from
 * topics while they load.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, KafkaAdmin.class})
public class KafkaHealthAutoConfiguration {

    @Bean(name = "kafkaHealthIndicator", destroyMethod = "close")
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }

    @Bean(name = "viewsHealthIndicator")
    @ConditionalOnBean(FollowingTopic.class)
    @ConditionalOnMissingBean(name = "viewsHealthIndicator")
    ViewsHealthIndicator viewsHealthIndicator(Map<String, FollowingTopic> views) {
        return new ViewsHealthIndicator(views);
    }
}

package io.hearken.events.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The observability pieces every deployable shares beyond what Boot configures from {@code hearken-defaults.yml}
 * (Prometheus, probes, tracing, template and listener observation): the complaint id in the logs of each
 * listener call, and {@link ObservedKafka} for the Kafka clients a module builds by hand.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({KafkaTemplate.class, ObservationRegistry.class, MeterRegistry.class})
public class ObservabilityAutoConfiguration {

    @Bean
    ComplaintIdInLogs complaintIdInLogs() {
        return new ComplaintIdInLogs();
    }

    @Bean
    ObservedKafka observedKafka(ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations,
            KafkaProperties kafka) {
        return new ObservedKafka(meters, observations, kafka.getTemplate().isObservationEnabled());
    }
}

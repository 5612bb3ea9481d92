package io.hearken.events.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;

/**
 * What Boot does for its own Kafka factories and template, for the ones a module builds by hand: client
 * metrics in the meter registry (producer send rates, consumer lag) and, on a template, the send observation
 * that starts a span and writes the W3C {@code traceparent} header, so the trace follows the record.
 */
public final class ObservedKafka {

    private final ObjectProvider<MeterRegistry> meters;
    private final ObjectProvider<ObservationRegistry> observations;
    private final boolean templateObservation;

    ObservedKafka(ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations,
            boolean templateObservation) {
        this.meters = meters;
        this.observations = observations;
        this.templateObservation = templateObservation;
    }

    /** A template on {@code factory} (whose client metrics get bound), observed like Boot's own. */
    public <K, V> KafkaTemplate<K, V> template(DefaultKafkaProducerFactory<K, V> factory) {
        bind(factory);
        return observed(factory);
    }

    /**
     * A template observed like Boot's own, on a factory whose client metrics are bound already (a copy of Boot's
     * factory keeps its listeners: binding again would count every producer twice).
     */
    public <K, V> KafkaTemplate<K, V> observed(ProducerFactory<K, V> factory) {
        KafkaTemplate<K, V> template = new KafkaTemplate<>(factory);
        ObservationRegistry registry = observations.getIfUnique();
        if (templateObservation && registry != null) {
            template.setObservationEnabled(true);
            template.setObservationRegistry(registry);
        }
        return template;
    }

    public <K, V> DefaultKafkaProducerFactory<K, V> bind(DefaultKafkaProducerFactory<K, V> factory) {
        meters.ifUnique(registry -> factory.addListener(new MicrometerProducerListener<>(registry)));
        return factory;
    }

    public <K, V> DefaultKafkaConsumerFactory<K, V> bind(DefaultKafkaConsumerFactory<K, V> factory) {
        meters.ifUnique(registry -> factory.addListener(new MicrometerConsumerListener<>(registry)));
        return factory;
    }
}

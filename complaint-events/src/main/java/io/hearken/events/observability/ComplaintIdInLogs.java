package io.hearken.events.observability;

import io.hearken.events.ComplaintId;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.slf4j.MDC;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * Puts the complaint id (every event's record key) into the logging MDC as {@value #MDC_KEY} while a Kafka
 * listener handles the record, so each log line of that work names its complaint ({@code logging.pattern.correlation}
 * in {@code hearken-defaults.yml} prints it). It rides on spring-kafka's listener observation, which every
 * container made by Boot's factory configurer has ({@code spring.kafka.listener.observation-enabled}).
 */
public final class ComplaintIdInLogs implements ObservationHandler<KafkaRecordReceiverContext> {

    public static final String MDC_KEY = "complaintId";

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof KafkaRecordReceiverContext;
    }

    @Override
    public void onScopeOpened(KafkaRecordReceiverContext context) {
        put(context.getRecord().key());
    }

    @Override
    public void onScopeClosed(KafkaRecordReceiverContext context) {
        MDC.remove(MDC_KEY);
    }

    /**
     * Sets the MDC entry when {@code key} is a tracking id (other topics, such as an idempotency log, have other
     * keys); returns whether it did. Also used by code that consumes outside a listener (the router's streams).
     */
    public static boolean put(Object key) {
        if (key instanceof String s && ComplaintId.FORMAT.matcher(s).matches()) {
            MDC.put(MDC_KEY, s);
            return true;
        }
        return false;
    }

    public static void remove() {
        MDC.remove(MDC_KEY);
    }
}

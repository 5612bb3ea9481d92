package io.hearken.router.routing;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Events;
import io.hearken.events.Topics;
import io.hearken.events.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Walking skeleton of the router: every new complaint goes to customer service with a normal SLA.
 * The router issue replaces the decision with classification, priority, duplicates and the SLA clock.
 */
@Component
class RoutingComplaints {

    private final KafkaTemplate<String, ComplaintEvent> kafka;

    RoutingComplaints(KafkaTemplate<String, ComplaintEvent> kafka) {
        this.kafka = kafka;
    }

    @KafkaListener(id = "router-intake", topicPattern = Topics.INTAKE_PATTERN)
    void on(ComplaintEvent event) {
        if (event instanceof ComplaintReceived received) {
            Instant now = Instant.now();
            ComplaintRouted routed = new ComplaintRouted(Events.idFrom("routed", received.eventId()),
                    received.complaintId(), now, received,
                    new ComplaintRouted.Classification("other", Urgency.NORMAL, 0.0, true, List.of("skeleton"), List.of()),
                    new ComplaintRouted.Assignment("customer-service", 3, List.of(), now.plus(Duration.ofHours(24)),
                            now.plus(Duration.ofDays(5)), null, null),
                    ComplaintRouted.Links.none());
            String key = routed.complaintId().value();
            kafka.send(Topics.ROUTED, key, routed);
            kafka.send(Topics.assignments(routed.assignment().department()), key, routed);
        }
    }
}

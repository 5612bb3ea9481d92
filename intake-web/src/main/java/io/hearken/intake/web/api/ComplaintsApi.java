package io.hearken.intake.web.api;

import io.hearken.analytics.lookup.ComplaintLookup;
import io.hearken.analytics.lookup.ComplaintView;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Walking skeleton of the REST API; the web channel issue completes it. */
@RestController
@RequestMapping("/api/v1/complaints")
class ComplaintsApi {

    private final KafkaTemplate<String, ComplaintEvent> kafka;
    private final ComplaintLookup lookup;

    ComplaintsApi(KafkaTemplate<String, ComplaintEvent> kafka, ComplaintLookup lookup) {
        this.kafka = kafka;
        this.lookup = lookup;
    }

    record NewComplaint(String name, String email, String phone, ResidentType residentType, String building,
            String unit, String subject, @NotBlank String description, String categoryHint, String language) {
    }

    record Accepted(String id, String status, String trackingUrl) {
    }

    @PostMapping
    ResponseEntity<Accepted> submit(@Valid @RequestBody NewComplaint request) throws Exception {
        ComplaintId id = TrackingIds.next();
        ComplaintReceived event = new ComplaintReceived(Events.newId(), id, Instant.now(), Channel.WEB, "api", null,
                new Contact(request.name(), request.email(), request.phone()), request.residentType(),
                Place.of(request.building(), request.unit()), request.subject(), request.description(),
                request.categoryHint(), request.language() == null ? "zh-CN" : request.language(), List.of(), Map.of());
        // The resident gets the id only once Kafka has the complaint.
        kafka.send(Topics.INTAKE_WEB, id.value(), event).get(10, TimeUnit.SECONDS);
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + id))
                .body(new Accepted(id.value(), "received", "/track?id=" + id));
    }

    @GetMapping("/{id}")
    ComplaintView get(@PathVariable String id) {
        if (!ComplaintId.isValid(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return lookup.find(ComplaintId.of(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}

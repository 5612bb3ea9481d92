package io.hearken.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.hearken.events.ComplaintId;
import io.hearken.events.TrackingIds;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The look-ups against a real Elasticsearch node (embedded, test mode; Kafka and mail are not needed here). The
 * index is made with the field types the analytics template gives the fields read here.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "spring.kafka.bootstrap-servers=127.0.0.1:1",
        "spring.mail.host=unused.invalid"})
class ReadModelTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Config {
    }

    static final String MAPPING = """
            {"mappings": {"properties": {
              "id": {"type": "keyword"}, "status": {"type": "keyword"}, "channel": {"type": "keyword"},
              "category": {"type": "keyword"}, "department": {"type": "keyword"}, "building": {"type": "keyword"},
              "categoryHint": {"type": "keyword"}, "contactHash": {"type": "keyword"}, "receivedAt": {"type": "date"},
              "complaintId": {"type": "keyword"}, "eventId": {"type": "keyword"}, "type": {"type": "keyword"},
              "at": {"type": "date"}, "public": {"type": "boolean"}}}}""";

    static final ComplaintId OPEN = TrackingIds.next();
    static final ComplaintId RESOLVED = TrackingIds.next();
    static final ComplaintId OTHER_CONTACT = TrackingIds.next();

    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    ComplaintLookup lookup;
    @Autowired
    TrackingIdsInUse inUse;
    @Autowired
    OpenComplaintsOfContact openComplaints;
    @Autowired
    ComplaintListing listing;

    @BeforeAll
    static void noIndexYetMeansNothingIsTaken(@Autowired TrackingIdsInUse inUse, @Autowired ComplaintLookup lookup,
            @Autowired ComplaintListing listing) {
        assertThat(inUse.free(List.of(OPEN.value()))).containsExactly(OPEN.value());
        assertThat(lookup.find(OPEN)).isEmpty();
        assertThat(listing.find(new ComplaintListing.Filter(List.of(), List.of(), List.of(), List.of(), null, null))).isEmpty();
    }

    @Test
    void readsWhatTheIndexHolds() throws Exception {
        index();

        ComplaintView view = lookup.find(OPEN).orElseThrow();
        assertThat(view.department()).isEqualTo("maintenance");
        assertThat(view.status()).isEqualTo("ASSIGNED");
        assertThat(view.repeat()).isFalse();
        assertThat(lookup.timeline(OPEN)).extracting(TimelineEntry::eventId).containsExactly("e1"); // e2 is internal

        String free = TrackingIds.next().value();
        assertThat(inUse.free(List.of(OPEN.value(), free, RESOLVED.value()))).containsExactly(free);

        Map<String, List<OpenComplaintsOfContact.OpenComplaint>> open = openComplaints.byContactHash(List.of("hash-a", "hash-z"));
        assertThat(open).containsOnlyKeys("hash-a");
        assertThat(open.get("hash-a")).extracting(OpenComplaintsOfContact.OpenComplaint::id).containsExactly(OPEN);

        assertThat(listing.find(new ComplaintListing.Filter(List.of(), List.of("plumbing"), List.of(), List.of(), null, null)))
                .extracting(ComplaintListing.Row::id).containsExactly(OTHER_CONTACT.value(), RESOLVED.value(), OPEN.value()); // newest first
        assertThat(listing.find(new ComplaintListing.Filter(List.of(), List.of(), List.of(), List.of(),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T12:00:00Z"))))
                .extracting(ComplaintListing.Row::id).containsExactly(OPEN.value());
    }

    private void index() throws Exception {
        for (String index : List.of(Indices.COMPLAINTS, Indices.EVENTS)) {
            if (!elasticsearch.indices().exists(e -> e.index(index)).value()) {
                elasticsearch.indices().create(c -> c.index(index).withJson(new StringReader(MAPPING)));
            }
        }
        doc(OPEN, "ASSIGNED", "hash-a", "2026-01-01T08:00:00Z");
        doc(RESOLVED, "RESOLVED", "hash-a", "2026-01-02T08:00:00Z");
        doc(OTHER_CONTACT, "ASSIGNED", "hash-b", "2026-01-03T08:00:00Z");
        elasticsearch.index(i -> i.index(Indices.EVENTS).id("e1").document(Map.of("eventId", "e1", "complaintId", OPEN.value(),
                "type", "complaint-routed", "at", "2026-01-01T08:00:01Z", "public", true)));
        elasticsearch.index(i -> i.index(Indices.EVENTS).id("e2").refresh(Refresh.True).document(Map.of("eventId", "e2",
                "complaintId", OPEN.value(), "type", "progress-noted", "at", "2026-01-01T09:00:00Z", "public", false)));
    }

    private void doc(ComplaintId id, String status, String contactHash, String receivedAt) throws Exception {
        elasticsearch.index(i -> i.index(Indices.COMPLAINTS).id(id.value()).refresh(Refresh.True).document(Map.of(
                "id", id.value(), "status", status, "channel", "WEB", "category", "plumbing", "department", "maintenance",
                "contactHash", contactHash, "receivedAt", receivedAt, "someFieldReadersDoNotKnow", 1)));
    }
}

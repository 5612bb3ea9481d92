package io.hearken.readmodel;

import static io.hearken.readmodel.ReadModelUnavailable.orEmpty;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A contact's open complaints, found by the keyed hash of the contact ({@code contactHash}): one query for a
 * whole chunk of contacts, not one per contact.
 */
public class OpenComplaintsOfContact {

    /** The fields of an open complaint a channel needs to decide whether a new message is about it. */
    public record OpenComplaint(ComplaintId id, String channel, String building, String categoryHint,
            Instant receivedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Indexed(String status, String contactHash, Instant receivedAt, String channel, String building,
            String categoryHint) {
    }

    private final ElasticsearchClient client;

    OpenComplaintsOfContact(ElasticsearchClient client) {
        this.client = client;
    }

    /** Contact hash → its open complaints, newest first. Hashes with none are absent. */
    public Map<String, List<OpenComplaint>> byContactHash(Collection<String> hashes) {
        Map<String, List<OpenComplaint>> open = new HashMap<>();
        if (hashes.isEmpty()) {
            return open;
        }
        List<FieldValue> terms = hashes.stream().map(FieldValue::of).toList();
        List<Hit<Indexed>> hits = orEmpty(() -> client.search(s -> s.index(Indices.COMPLAINTS)
                .size(Math.min(10_000, hashes.size() * 20))
                .query(q -> q.terms(t -> t.field("contactHash").terms(v -> v.value(terms))))
                .sort(o -> o.field(f -> f.field("receivedAt").order(SortOrder.Desc).unmappedType(FieldType.Date))),
                Indexed.class).hits().hits(), List.of());
        for (Hit<Indexed> hit : hits) {
            Indexed doc = hit.source();
            if (doc != null && doc.contactHash() != null && isOpen(doc.status()) && ComplaintId.isValid(hit.id())) {
                open.computeIfAbsent(doc.contactHash(), h -> new ArrayList<>()).add(new OpenComplaint(
                        ComplaintId.of(hit.id()), doc.channel(), doc.building(), doc.categoryHint(), doc.receivedAt()));
            }
        }
        return open;
    }

    /** Status values may be ComplaintStatus names in any case; an unknown value counts as open. */
    public static boolean isOpen(String status) {
        if (status == null || status.isBlank()) {
            return true;
        }
        try {
            return ComplaintStatus.isOpen(ComplaintStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return true;
        }
    }
}

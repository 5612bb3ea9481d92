package io.hearken.intake.hotline.publishing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hearken.analytics.indexing.Indices;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.privacy.PersonalData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Finds the open complaint of a caller's number in the read model ({@code complaints} alias): same
 * {@code contactHash}, status not resolved or closed. One query per chunk of calls, not one per call.
 */
@Component
class OpenComplaints {

    private final ElasticsearchClient client;
    private final PersonalData personalData;

    OpenComplaints(ElasticsearchClient client, @Value("${hearken.privacy.secret:change-me}") String secret) {
        this.client = client;
        this.personalData = new PersonalData(secret);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Indexed(String id, String status, String contactHash, Instant receivedAt, String channel, String building,
            String categoryHint) {
    }

    String hash(String phone) {
        return personalData.hash(phone);
    }

    /** Contact hash → the open complaints with it, newest first, for the given phone numbers. */
    Map<String, List<SameMatter.Candidate>> byPhone(Collection<String> phones) {
        Set<String> hashes = phones.stream().filter(Objects::nonNull).map(personalData::hash).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, List<SameMatter.Candidate>> open = new HashMap<>();
        if (hashes.isEmpty()) {
            return open;
        }
        try {
            SearchResponse<Indexed> response = client.search(s -> s.index(Indices.COMPLAINTS)
                    .size(Math.min(10_000, hashes.size() * 20))
                    .query(q -> q.terms(t -> t.field("contactHash")
                            .terms(v -> v.value(hashes.stream().map(FieldValue::of).toList()))))
                    .sort(o -> o.field(f -> f.field("receivedAt").order(SortOrder.Desc).unmappedType(
                            co.elastic.clients.elasticsearch._types.mapping.FieldType.Date))), Indexed.class);
            for (Hit<Indexed> hit : response.hits().hits()) {
                Indexed doc = hit.source();
                if (doc != null && doc.contactHash() != null && isOpen(doc.status()) && ComplaintId.isValid(hit.id())) {
                    open.computeIfAbsent(doc.contactHash(), h -> new ArrayList<>()).add(new SameMatter.Candidate(
                            ComplaintId.of(hit.id()), doc.channel(), doc.building(), doc.categoryHint())); // newest first
                }
            }
            return open;
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return open; // no index yet: nothing indexed so far
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unreachable", e);
        }
    }

    /** Status values may be ComplaintStatus names in any case; an unknown value counts as open. */
    static boolean isOpen(String status) {
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

package io.hearken.analytics.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.analytics.AnalyticsIntegrationTest;
import io.hearken.events.ClassificationCorrected;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.elasticsearch.client.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An installation of template version 6 (corrections in the source only) upgraded by this version's start-up: the
 * field is mapped, the corrected complaints (and only they) are rewritten, so a query on the field finds exactly
 * them, and the index answers as before. On indices of their own (prefixed names), beside the live ones.
 */
class MappingUpgradeTest extends AnalyticsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String V6 = "analytics/elasticsearch/complaints-template-v6.json";

    final String prefix = "upgrade-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    final IndexSetup.Template events = IndexSetup.EVENTS.prefixed(prefix);
    final IndexSetup.Template complaints = IndexSetup.COMPLAINTS.prefixed(prefix);

    @AfterEach
    void removeTheIndices() throws Exception {
        // By name: wildcard deletes are refused (action.destructive_requires_name).
        for (String path : List.of("/" + complaints.firstIndex(), "/" + events.firstIndex(),
                "/_index_template/" + complaints.name(), "/_index_template/" + events.name())) {
            restClient.performRequest(new Request("DELETE", path));
        }
    }

    @Test
    void anIndexOfVersion6IsUpgradedAndFindsItsCorrectedComplaints() throws Exception {
        var old = new IndexSetup.Template(complaints.name(), complaints.alias(), complaints.firstIndex(), V6);
        new IndexSetup(elasticsearch, old, events).ensure(); // as a version-6 instance made them
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            plain.add(put(complaints.alias(), "HK-PLAIN-" + i, Map.of("id", "HK-PLAIN-" + i, "category", "facility",
                    "description", "电梯又坏了 " + i, "receivedAt", "2026-11-01T10:00:00Z")));
        }
        String corrected = put(complaints.alias(), "HK-CORR-0001", Map.of("id", "HK-CORR-0001", "category", "environment",
                "description", "楼道里有很多垃圾", "receivedAt", "2026-11-02T10:00:00Z",
                "classificationCorrectedAt", "2026-11-03T09:00:00Z"));
        put(events.alias(), "e-corr", Map.of("eventId", "e-corr", "type", ClassificationCorrected.TYPE,
                "complaintId", corrected, "at", "2026-11-03T09:00:00Z"));
        put(events.alias(), "e-plain", Map.of("eventId", "e-plain", "type", "complaint-received",
                "complaintId", plain.get(0), "at", "2026-11-01T10:00:00Z"));
        assertThat(correctedIds()).as("version 6 keeps the correction in the source only").isEmpty();

        new IndexSetup(elasticsearch, complaints, events).ensure(); // this version starts

        assertThat(correctedIds()).containsExactly(corrected);
        JsonNode mapping = JSON.readTree(raw("GET", "/" + complaints.alias() + "/_mapping")).path(prefix + "complaints-v1")
                .path("mappings");
        assertThat(mapping.path("_meta").path("version").asLong()).isEqualTo(BackfillingCorrections.MAPPED_SINCE);
        assertThat(mapping.path("properties").path("classificationCorrectedAt").path("type").asString()).isEqualTo("date");
        // Only the corrected document was written again; the history was not.
        assertThat(version(corrected)).isEqualTo(2);
        for (String id : plain) {
            assertThat(version(id)).as(id).isEqualTo(1);
        }
        // And it answers as before: every document, full text, the corrected one's source unchanged.
        assertThat(hits("{\"query\": {\"match_all\": {}}}").size()).isEqualTo(31);
        assertThat(hits("{\"query\": {\"match\": {\"description\": \"电梯\"}}}").size()).isEqualTo(30);
        assertThat(JSON.readTree(raw("GET", "/" + complaints.alias() + "/_doc/" + corrected)).path("_source")
                .path("classificationCorrectedAt").asString()).isEqualTo("2026-11-03T09:00:00Z");

        new IndexSetup(elasticsearch, complaints, events).ensure(); // a restart: nothing is written again
        assertThat(version(corrected)).isEqualTo(2);
    }

    private String put(String index, String id, Map<String, Object> doc) throws Exception {
        elasticsearch.index(i -> i.index(index).id(id).document(doc));
        return id;
    }

    private List<String> correctedIds() throws Exception {
        List<String> ids = new ArrayList<>();
        hits("{\"query\": {\"exists\": {\"field\": \"classificationCorrectedAt\"}}}").forEach(h -> ids.add(h.path("_id").asString()));
        return ids;
    }

    private JsonNode hits(String query) throws Exception {
        restClient.performRequest(new Request("POST", "/" + complaints.alias() + "," + events.alias() + "/_refresh"));
        Request search = new Request("POST", "/" + complaints.alias() + "/_search?size=100");
        search.setJsonEntity(query);
        var response = restClient.performRequest(search);
        return JSON.readTree(response.getEntity().getContent()).path("hits").path("hits");
    }

    private long version(String id) throws Exception {
        return JSON.readTree(raw("GET", "/" + complaints.alias() + "/_doc/" + id)).path("_version").asLong();
    }
}

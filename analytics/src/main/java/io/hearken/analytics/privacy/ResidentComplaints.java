package io.hearken.analytics.privacy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.hearken.analytics.indexing.ComplaintDocument;
import io.hearken.events.ComplaintId;
import io.hearken.events.privacy.DataKeys;
import io.hearken.readmodel.Indices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Which complaints belong to a resident, known by the keyed hash of one of their contacts: those whose data keys
 * name the hash ({@link DataKeys}), and those the index links to it ({@code contactHash}: e-mail, else phone), so a
 * complaint is found even when its key names no one (sealed where no secret was configured).
 */
@Component("analyticsResidentComplaints")
class ResidentComplaints {

    /** Elasticsearch answers at most this many hits at once; no resident has that many complaints. */
    private static final int MOST = 10_000;

    private final ObjectProvider<DataKeys> dataKeys;
    private final ElasticsearchClient elasticsearch;

    ResidentComplaints(ObjectProvider<DataKeys> dataKeys, ElasticsearchClient elasticsearch) {
        this.dataKeys = dataKeys;
        this.elasticsearch = elasticsearch;
    }

    /** A resident as found: the hashes of all their contacts (linked through their complaints) and the complaints. */
    record Found(Set<String> contactHashes, Set<ComplaintId> ids) {
    }

    /**
     * The complaints of the resident with this contact, and of the same resident by their other contacts: a complaint
     * that gave an e-mail and a phone links the two ({@link DataKeys#resident}), so erasing by e-mail also takes the
     * calls from their phone.
     */
    Found resident(String contactHash) {
        DataKeys.Resident known = dataKeys.getObject().resident(contactHash);
        Set<ComplaintId> ids = new TreeSet<>(java.util.Comparator.comparing(ComplaintId::value));
        known.owners().stream().filter(ComplaintId::isValid).map(ComplaintId::of).forEach(ids::add);
        List<co.elastic.clients.elasticsearch._types.FieldValue> hashes = known.contactHashes().stream()
                .map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList();
        try {
            elasticsearch.search(s -> s.index(Indices.COMPLAINTS).ignoreUnavailable(true).allowNoIndices(true)
                            .size(MOST).source(src -> src.filter(f -> f.includes("id")))
                            .query(q -> q.terms(t -> t.field("contactHash").terms(v -> v.value(hashes)))),
                            ComplaintDocument.class)
                    .hits().hits().stream().map(Hit::id).filter(ComplaintId::isValid).map(ComplaintId::of)
                    .forEach(ids::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unreachable", e);
        }
        return new Found(known.contactHashes(), ids);
    }

    /** The index documents of these complaints, by id (missing ones left out). */
    Map<String, ComplaintDocument> indexed(Collection<ComplaintId> ids) {
        Map<String, ComplaintDocument> docs = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return docs;
        }
        try {
            elasticsearch.mget(m -> m.index(Indices.COMPLAINTS).ids(ids.stream().map(ComplaintId::value).toList()),
                    ComplaintDocument.class).docs().forEach(item -> {
                        if (!item.isFailure() && item.result().found() && item.result().source() != null) {
                            docs.put(item.result().id(), item.result().source());
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unreachable", e);
        }
        return docs;
    }
}

package io.hearken.readmodel;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Is a tracking id taken? One multi-get for a whole batch of candidates, sources not fetched. */
public class TrackingIdsInUse {

    private final ElasticsearchClient client;

    TrackingIdsInUse(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * The candidates no complaint has, in their order. A failed item is not proof of absence, except a missing
     * index (nothing indexed yet); an unreachable read model throws, so the caller can use none.
     */
    public List<String> free(Collection<String> candidates) {
        try {
            MgetResponse<Void> response = client.mget(m -> m.index(Indices.COMPLAINTS)
                    .ids(new ArrayList<>(candidates)).source(s -> s.fetch(false)), Void.class);
            List<String> free = new ArrayList<>();
            for (MultiGetResponseItem<Void> item : response.docs()) {
                if (item.isResult() && !item.result().found()) {
                    free.add(item.result().id());
                } else if (item.isFailure() && "index_not_found_exception".equals(item.failure().error().type())) {
                    free.add(item.failure().id());
                }
            }
            return free;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unreachable", e);
        }
    }
}

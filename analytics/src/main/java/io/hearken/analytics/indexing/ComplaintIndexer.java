package io.hearken.analytics.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Topics;
import io.hearken.events.privacy.PersonalData;
import java.io.IOException;
import java.io.StringReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the {@code complaints} index current from the routed topic. */
@Component
class ComplaintIndexer implements InitializingBean {

    private static final String MAPPING = """
            {"mappings":{"dynamic":false,"properties":{
              "id":{"type":"keyword"},"status":{"type":"keyword"},"channel":{"type":"keyword"},
              "category":{"type":"keyword"},"urgency":{"type":"keyword"},"priority":{"type":"integer"},
              "department":{"type":"keyword"},"language":{"type":"keyword"},
              "building":{"type":"keyword"},"unit":{"type":"keyword"},
              "subject":{"type":"text","analyzer":"smartcn","fields":{"cjk":{"type":"text","analyzer":"cjk"}}},
              "description":{"type":"text","analyzer":"smartcn","fields":{"cjk":{"type":"text","analyzer":"cjk"}}},
              "receivedAt":{"type":"date"},"firstResponseDue":{"type":"date"},"resolutionDue":{"type":"date"},
              "contactName":{"type":"keyword","index":false},"contactEmail":{"type":"keyword","index":false},
              "contactPhone":{"type":"keyword","index":false},"contactHash":{"type":"keyword"}}},
             "aliases":{"complaints":{}}}""";

    private final ElasticsearchClient client;
    private final PersonalData personalData;

    ComplaintIndexer(ElasticsearchClient client, @Value("${hearken.privacy.secret:change-me}") String secret) {
        this.client = client;
        this.personalData = new PersonalData(secret);
    }

    // Before the listener containers start, so the first document never auto-creates an unmapped index.
    @Override
    public void afterPropertiesSet() throws IOException {
        if (!client.indices().exists(e -> e.index(Indices.COMPLAINTS)).value()) {
            client.indices().create(c -> c.index(Indices.COMPLAINTS_V1).withJson(new StringReader(MAPPING)));
        }
    }

    @KafkaListener(id = "analytics-complaints", topics = Topics.ROUTED)
    void on(ComplaintEvent event) throws IOException {
        if (event instanceof ComplaintRouted routed) {
            client.index(i -> i.index(Indices.COMPLAINTS).id(routed.complaintId().value())
                    .document(ComplaintDocument.of(routed, personalData)));
        }
    }
}

package io.hearken.analytics;

import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hearken.analytics.indexing.ComplaintDocument;
import io.hearken.analytics.indexing.EventDocument;
import io.hearken.readmodel.Indices;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;

/** One shared context on the real embedded Kafka and Elasticsearch; helpers to publish and read back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hearken.embedded.mode=test", "hearken.privacy.secret=analytics-test-secret",
                // The demo accounts, and a supervisor of two departments.
                "hearken.staff.demo-accounts=true", "hearken.staff.users[0].username=ops.two",
                "hearken.staff.users[0].password={noop}two", "hearken.staff.users[0].departments=billing,cleaning",
                "hearken.staff.users[0].role=SUPERVISOR"})
public abstract class AnalyticsIntegrationTest {

    @Autowired
    protected KafkaTemplate<String, ComplaintEvent> kafka;
    @Autowired
    protected ElasticsearchClient elasticsearch;
    @Autowired
    protected RestClient restClient;

    protected void publish(String topic, ComplaintEvent... events) {
        for (ComplaintEvent event : events) {
            try {
                kafka.send(topic, event.complaintId().value(), event).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not take " + event, e);
            }
        }
    }

    protected Optional<ComplaintDocument> complaint(ComplaintId id) throws IOException {
        var got = elasticsearch.get(g -> g.index(Indices.COMPLAINTS).id(id.value()), ComplaintDocument.class);
        return Optional.ofNullable(got.found() ? got.source() : null);
    }

    protected ComplaintDocument awaitComplaint(ComplaintId id, java.util.function.Predicate<ComplaintDocument> until) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> complaint(id).orElse(null),
                doc -> doc != null && until.test(doc));
    }

    /** Waits until the event's own document is indexed (and so its batch, with everything before it, is done). */
    protected void awaitEvent(String eventId) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                elasticsearch.exists(e -> e.index(Indices.EVENTS).id(eventId)).value());
    }

    protected List<EventDocument> events(ComplaintId id) throws IOException {
        elasticsearch.indices().refresh(r -> r.index(Indices.EVENTS));
        return elasticsearch.search(s -> s.index(Indices.EVENTS).size(100)
                .query(q -> q.term(t -> t.field("complaintId").value(id.value()))), EventDocument.class)
                .hits().hits().stream().map(h -> h.source()).filter(Objects::nonNull).toList();
    }

    protected String raw(String method, String path) throws IOException {
        var response = restClient.performRequest(new Request(method, path));
        return new String(response.getEntity().getContent().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    protected void refresh() throws IOException {
        elasticsearch.indices().refresh(r -> r.index(Indices.COMPLAINTS, Indices.EVENTS));
    }
}

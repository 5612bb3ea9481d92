package io.hearken.analytics;

import io.hearken.embedded.TcpProxy;
import static io.hearken.analytics.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.hearken.analytics.indexing.ComplaintDocument;
import io.hearken.readmodel.Indices;
import io.hearken.embedded.EmbeddedServers;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.Departments;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Elasticsearch goes away under a running indexer (a real TCP proxy in front of the real node drops every
 * connection), events keep coming: nothing is committed, nothing skipped; when it is back, the indexer
 * catches up with every event. This context reads its own topic and group, so other test contexts in the
 * JVM cannot index these events behind its back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hearken.embedded.mode=test", "hearken.privacy.secret=analytics-test-secret",
        "hearken.analytics.indexer-group=analytics-outage-test", "hearken.analytics.topic-pattern=outage\\.events",
        "hearken.analytics.retry-initial=100ms", "hearken.analytics.retry-max=500ms", "hearken.staff.demo-accounts=true"})
@AutoConfigureTestRestTemplate
class ElasticsearchOutageTest {

    static final String TOPIC = "outage.events";
    static final String GROUP = "analytics-outage-test";
    private static TcpProxy proxy;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        // Lazy: resolved when the client bean is made, after the embedded servers started.
        registry.add("hearken.elasticsearch.uris", () -> "http://127.0.0.1:" + proxy().port());
    }

    static synchronized TcpProxy proxy() {
        if (proxy == null) {
            try {
                proxy = new TcpProxy(EmbeddedServers.current().elasticsearch().port());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return proxy;
    }

    @AfterAll
    static void closeProxy() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Autowired
    KafkaTemplate<String, ComplaintEvent> kafka;
    @Autowired
    TestRestTemplate web;

    @Test
    void whileElasticsearchIsDownNothingIsCommittedAndAfterwardsEverythingIsIndexed() throws Exception {
        try (RestClient rest = RestClient.builder(HttpHost.create(EmbeddedServers.current().elasticsearch().uri())).build();
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        EmbeddedServers.current().kafka().bootstrapServers()))) {
            ElasticsearchClient direct = new ElasticsearchClient(new RestClientTransport(rest, new Jackson3JsonpMapper()));
            Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            ComplaintId x = newId();
            ComplaintId y = newId();
            var receivedX = received(x, t0, "1号楼", "门禁坏了");

            send(receivedX);
            await().atMost(Duration.ofSeconds(90)).until(() -> find(direct, x).isPresent());
            await().atMost(Duration.ofSeconds(30)).until(() -> committed(admin) == 1);

            proxy().down();
            send(routed(receivedX, t0.plusSeconds(1), "safety", Departments.SECURITY),
                    acknowledged(x, t0.plusSeconds(60), Departments.SECURITY),
                    received(y, t0.plusSeconds(2), "1号楼", "监控坏了"));
            int before = proxy().refused();
            // The indexer keeps trying (and failing) the same batch...
            await().atMost(Duration.ofSeconds(60)).until(() -> proxy().refused() >= before + 3);
            // ...without committing past it or writing anything.
            assertThat(committed(admin)).isEqualTo(1);
            assertThat(find(direct, x).orElseThrow().status).isEqualTo("RECEIVED");
            assertThat(find(direct, y)).isEmpty();
            // Meanwhile managers get a clear answer, not a stack trace.
            TestRestTemplate manager = web.withBasicAuth("liu.yang", "demo");
            ResponseEntity<Map> api = manager.getForEntity("/api/v1/analytics/dashboard", Map.class);
            assertThat(api.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat((String) api.getBody().get("error")).contains("Elasticsearch", "请稍后再试");
            ResponseEntity<String> page = manager.getForEntity("/dashboard/monthly?month=2026-11&lang=en", String.class);
            assertThat(page.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(page.getBody()).contains("cannot be reached just now", "2026-11");

            proxy().up();
            await().atMost(Duration.ofSeconds(60)).until(() -> find(direct, y).isPresent()
                    && "ACKNOWLEDGED".equals(find(direct, x).orElseThrow().status));
            await().atMost(Duration.ofSeconds(30)).until(() -> committed(admin) == 4);
            ComplaintDocument doc = find(direct, x).orElseThrow();
            assertThat(doc.department).isEqualTo(Departments.SECURITY);
            assertThat(doc.eventCount).isEqualTo(3);
        }
    }

    private void send(ComplaintEvent... events) throws Exception {
        for (ComplaintEvent e : events) {
            kafka.send(TOPIC, e.complaintId().value(), e).get(30, TimeUnit.SECONDS);
        }
    }

    private static Optional<ComplaintDocument> find(ElasticsearchClient client, ComplaintId id) throws IOException {
        var got = client.get(g -> g.index(Indices.COMPLAINTS).id(id.value()), ComplaintDocument.class);
        return Optional.ofNullable(got.found() ? got.source() : null);
    }

    private static long committed(Admin admin) throws Exception {
        Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(TOPIC) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }
}

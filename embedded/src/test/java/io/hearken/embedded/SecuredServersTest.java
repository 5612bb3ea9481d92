package io.hearken.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The secured mode: Kafka takes only SASL clients with the right password, Elasticsearch only signed-in HTTPS. */
class SecuredServersTest {

    static EmbeddedServers servers;

    @BeforeAll
    static void start() {
        servers = EmbeddedServers.shared(EmbeddedSettings.from(new MockEnvironment()
                .withProperty("hearken.embedded.mode", "test").withProperty("hearken.embedded.secured", "true")
                .withProperty("spring.mail.host", "none")));
    }

    @AfterAll
    static void plainServersAreOthers() {
        assertThat(EmbeddedServers.currentSecured()).isSameAs(servers);
        assertThat(EmbeddedServers.current()).isNotSameAs(servers);
    }

    @Test
    void kafkaAnswersAClientWithTheCredentialsOnly() throws Exception {
        EmbeddedKafka kafka = servers.kafka();
        assertThat(kafka.secured()).isTrue();
        assertThat(clusterNodes(kafka.clientProperties())).isEqualTo(1);

        Map<String, Object> anonymous = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        assertThatThrownBy(() -> clusterNodes(anonymous)).isNotNull();

        Map<String, Object> wrongPassword = new HashMap<>(kafka.clientProperties());
        wrongPassword.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"hearken\" password=\"not-the-password\";");
        assertThatThrownBy(() -> clusterNodes(wrongPassword)).hasStackTraceContaining("Authentication failed");
    }

    @Test
    void elasticsearchAnswersSignedInHttpsOnly() throws Exception {
        EmbeddedElasticsearch es = servers.elasticsearch();
        ElasticsearchSecurity security = es.security();
        assertThat(es.uri()).startsWith("https://127.0.0.1:");
        HttpClient http = security.trusting(HttpClient.newBuilder()).build();
        HttpRequest.Builder health = HttpRequest.newBuilder(URI.create(es.uri() + "/_cluster/health"));

        assertThat(http.send(security.signedIn(health.copy()).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.send(health.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        // The services' role may manage their own indices, not the cluster's users.
        HttpRequest users = security.signedIn(HttpRequest.newBuilder(URI.create(es.uri() + "/_security/user"))).build();
        assertThat(http.send(users, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        // Without the CA the node's certificate is not trusted.
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(security.signedIn(health.copy()).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class).hasStackTraceContaining("PKIX");
    }

    private static int clusterNodes(Map<String, Object> client) throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
        }
    }
}

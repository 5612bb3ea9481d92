package io.hearken.app;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same walking skeleton against the docker-compose images (Kafka, our Elasticsearch image with the
 * Chinese analyzers and security on, GreenMail standalone). Skipped where no Docker engine runs, as on CI here.
 * Elasticsearch signs in here over plain HTTP; DockerComposeTest covers the compose stack's TLS.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hearken.embedded.mode=off")
class WalkingSkeletonContainersTest extends WalkingSkeletonChecks {

    static final String ELASTIC_PASSWORD = "walking-skeleton-" + java.util.UUID.randomUUID();

    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.1");

    @Container
    static final GenericContainer<?> elasticsearch = new GenericContainer<>(
            new ImageFromDockerfile("hearken-elasticsearch", false)
                    .withFileFromPath(".", Path.of("../docker/elasticsearch").toAbsolutePath()))
            .withEnv("discovery.type", "single-node")
            .withEnv("xpack.security.enabled", "true")
            .withEnv("xpack.security.http.ssl.enabled", "false")
            .withEnv("xpack.security.transport.ssl.enabled", "false")
            .withEnv("ELASTIC_PASSWORD", ELASTIC_PASSWORD)
            .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
            .withExposedPorts(9200)
            .waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow").forPort(9200)
                    .withBasicCredentials("elastic", ELASTIC_PASSWORD)
                    .withStartupTimeout(Duration.ofMinutes(3)));

    @Container
    static final GenericContainer<?> mail = new GenericContainer<>("greenmail/standalone:2.1.13")
            .withEnv("GREENMAIL_OPTS", "-Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap "
                    + "-Dgreenmail.hostname=0.0.0.0 -Dgreenmail.users=complaints@hearken.local:hearken "
                    + "-Dgreenmail.users.login=email")
            .withExposedPorts(3025, 3143)
            .waitingFor(Wait.forListeningPorts(3025, 3143));

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
        registry.add("hearken.elasticsearch.uris",
                () -> "http://" + elasticsearch.getHost() + ":" + elasticsearch.getMappedPort(9200));
        registry.add("hearken.elasticsearch.username", () -> "elastic");
        registry.add("hearken.elasticsearch.password", () -> ELASTIC_PASSWORD);
        registry.add("spring.mail.host", mail::getHost);
        registry.add("spring.mail.port", () -> mail.getMappedPort(3025));
        registry.add("hearken.email.imap.host", mail::getHost);
        registry.add("hearken.email.imap.port", () -> mail.getMappedPort(3143));
        registry.add("hearken.email.imap.username", () -> "complaints@hearken.local");
        registry.add("hearken.email.imap.password", () -> "hearken");
    }
}

package io.hearken.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.readmodel.elasticsearch.ElasticsearchProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The environment variables docker-compose.yml and docs/operations.md give an operator for Kafka SASL and
 * Elasticsearch TLS bind to the properties SecuredServersEndToEndTest proves against secured servers (a variable
 * whose name Boot does not map would be silently ignored).
 */
class OperatorSecuritySettingsTest {

    static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"hearken\" password=\"p\";";

    @Test
    void theDocumentedVariablesReachEveryKafkaClientAndTheElasticsearchClient() throws Exception {
        Map<String, Object> variables = Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9093",
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", JAAS,
                "SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION", "/certs/kafka-truststore.p12",
                "HEARKEN_ELASTICSEARCH_URIS", "https://elasticsearch:9200",
                "HEARKEN_ELASTICSEARCH_USERNAME", "hearken",
                "HEARKEN_ELASTICSEARCH_PASSWORD", "secret",
                "HEARKEN_ELASTICSEARCH_CACERTIFICATE", "/certs/ca/ca.crt");
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        Binder binder = Binder.get(env);

        KafkaProperties kafka = binder.bind("spring.kafka", KafkaProperties.class).get();
        for (Map<String, Object> client : java.util.List.of(kafka.buildConsumerProperties(), kafka.buildProducerProperties(),
                kafka.buildAdminProperties(), kafka.buildStreamsProperties())) {
            assertThat(client).containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("sasl.jaas.config", JAAS)
                    .containsEntry("ssl.truststore.location", "/certs/kafka-truststore.p12");
        }

        ElasticsearchProperties es = binder.bind("hearken.elasticsearch", ElasticsearchProperties.class).get();
        assertThat(es.uris()).containsExactly("https://elasticsearch:9200");
        assertThat(es.username()).isEqualTo("hearken");
        assertThat(es.password()).isEqualTo("secret");
        assertThat(es.caCertificate()).isEqualTo(Path.of("/certs/ca/ca.crt"));

        // The names compose and the docs hand out are these ones.
        String compose = Files.readString(ComposeFileTest.ROOT.resolve("docker-compose.yml"));
        String docs = Files.readString(ComposeFileTest.ROOT.resolve("docs/operations.md"));
        for (String name : variables.keySet()) {
            if (!name.contains("TRUSTSTORE")) {
                assertThat(compose).as("docker-compose.yml").contains(name);
            }
            assertThat(docs).as("docs/operations.md").contains(name);
        }
    }
}

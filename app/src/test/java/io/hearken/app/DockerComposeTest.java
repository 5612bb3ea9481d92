package io.hearken.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The production topology in docker-compose.yml: complete, pinned, health-checked, on the documented ports. */
class DockerComposeTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws Exception {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml(options).load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void everyDeployableAndEveryServerHasAService() {
        assertThat(services).containsKeys("kafka", "elasticsearch", "kibana", "kibana-setup", "mail",
                "intake-email", "intake-web", "intake-hotline", "router", "desk", "notifier", "analytics");
        for (String module : List.of("intake-email", "intake-web", "intake-hotline", "router", "desk", "notifier", "analytics")) {
            assertThat(Files.isDirectory(ROOT.resolve(module))).as(module + " is a module of this repository").isTrue();
            Map<String, String> env = (Map<String, String>) (Map) services.get(module).get("environment");
            assertThat(env).as(module).containsEntry("SERVICE", module).containsEntry("HEARKEN_EMBEDDED_MODE", "off")
                    .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        }
    }

    @Test
    void everyServiceHasAPinnedImageOrABuildOfThisRepository() {
        services.forEach((name, service) -> {
            assertThat(service.containsKey("image") || service.containsKey("build")).as(name).isTrue();
            if (service.get("image") instanceof String image) {
                assertThat(image).as(name + " pins its image version").matches(".+:[0-9][^:]*").doesNotEndWith(":latest");
            }
            if (service.get("build") instanceof String context) {
                assertThat(Files.exists(ROOT.resolve(context).resolve("Dockerfile"))).as(name + " Dockerfile").isTrue();
            }
        });
    }

    @Test
    void everyLongRunningServiceHasAHealthCheck() {
        services.forEach((name, service) -> {
            if (!"no".equals(String.valueOf(service.get("restart")))) {
                Map<String, Object> health = (Map<String, Object>) service.get("healthcheck");
                assertThat(health).as(name + " healthcheck").isNotNull().containsKey("test");
                assertThat(health.get("disable")).as(name).isNotEqualTo(true);
            }
        });
    }

    @Test
    void thePortsAreTheOnesTheDesignNames() {
        assertThat(ports("intake-web")).contains("8080:8080");
        assertThat(ports("kafka")).contains("9092:9092");
        assertThat(ports("elasticsearch")).contains("9200:9200");
        assertThat(ports("mail")).contains("3025:3025", "3143:3143");
        assertThat(ports("kibana")).contains("5601:5601");
    }

    @Test
    void elasticsearchHasTheSameChineseAnalyzersAsTheEmbeddedNode() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("docker/elasticsearch/Dockerfile"));
        assertThat(dockerfile).contains("elasticsearch:8.19").contains("analysis-smartcn");
        Map<String, Object> kibanaSetup = services.get("kibana-setup");
        assertThat((List<String>) kibanaSetup.get("volumes")).anyMatch(v -> v.startsWith("./analytics/kibana:"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> ports(String service) {
        return (List<String>) services.get(service).get("ports");
    }
}

package io.hearken.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as an operator runs it, checked without Docker: one public entry (the proxy; its routes:
 * ProxyRoutesTest), nothing else published beyond loopback, services that scale, the prod profile everywhere,
 * every secret from a required variable, Elasticsearch security on.
 */
@SuppressWarnings("unchecked")
class ComposeFileTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> HEARKEN = List.of("intake-email", "intake-web", "intake-hotline", "router", "desk",
            "notifier", "analytics");
    static final Pattern REQUIRED = Pattern.compile("^\\$\\{[A-Z][A-Z0-9_]*:\\?[^}]+}$");
    static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|SECRET|APIKEYS|API_KEYS|ENCRYPTIONKEY|JAAS");
    static Map<String, Object> compose;
    static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void parse() throws Exception {
        compose = yaml(ROOT.resolve("docker-compose.yml"));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    static Map<String, Object> yaml(Path file) throws Exception {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml(options).load(reader);
        }
    }

    static Map<String, String> env(String service) {
        Map<String, Object> env = (Map<String, Object>) services.get(service).get("environment");
        Map<String, String> strings = new java.util.LinkedHashMap<>();
        if (env != null) {
            env.forEach((k, v) -> strings.put(k, String.valueOf(v)));
        }
        return strings;
    }

    static List<String> list(Map<String, Object> service, String key) {
        Object value = service.get(key);
        return value == null ? List.of() : ((List<Object>) value).stream().map(String::valueOf).toList();
    }

    @Test
    void everyDeployableRunsWithTheProdProfileAgainstTheComposeServers() {
        assertThat(services).containsKeys("proxy", "kafka", "elasticsearch", "elasticsearch-setup", "kibana",
                "kibana-setup", "mail");
        for (String module : HEARKEN) {
            assertThat(Files.isDirectory(ROOT.resolve(module))).as(module + " is a module of this repository").isTrue();
            assertThat(env(module)).as(module).containsEntry("SERVICE", module)
                    .containsEntry("SPRING_PROFILES_ACTIVE", "prod").containsEntry("HEARKEN_EMBEDDED_MODE", "off")
                    .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("HEARKEN_ELASTICSEARCH_URIS", "https://elasticsearch:9200")
                    .containsKeys("HEARKEN_ELASTICSEARCH_USERNAME", "HEARKEN_ELASTICSEARCH_PASSWORD",
                            "HEARKEN_ELASTICSEARCH_CACERTIFICATE", "HEARKEN_PRIVACY_SECRET", "HEARKEN_PRIVACY_MASTERKEY",
                            "HEARKEN_STAFF_TOKENSECRET");
            // The CA certificate that HEARKEN_ELASTICSEARCH_CACERTIFICATE names, and the operator's settings.
            assertThat(list(services.get(module), "volumes")).as(module).contains("es-certs:/certs:ro", "./config:/config:ro");
            assertThat(env(module).get("HEARKEN_ELASTICSEARCH_CACERTIFICATE")).isEqualTo("/certs/ca/ca.crt");
        }
    }

    @Test
    void onlyTheProxyIsPublishedAndAnythingElseOnlyOnLoopback() throws Exception {
        services.forEach((name, service) -> {
            if (!name.equals("proxy")) {
                assertThat(list(service, "ports")).as(name + " publishes on 127.0.0.1 only")
                        .allMatch(p -> p.startsWith("127.0.0.1:"));
            }
        });
        assertThat(list(services.get("proxy"), "ports")).containsExactly("${HEARKEN_HTTP_PORT:-80}:80",
                "${HEARKEN_HTTPS_PORT:-443}:443");
        Map<String, Map<String, Object>> loopback = (Map<String, Map<String, Object>>)
                yaml(ROOT.resolve("docker/loopback.yml")).get("services");
        loopback.forEach((name, service) -> assertThat(list(service, "ports")).as("loopback.yml " + name)
                .isNotEmpty().allMatch(p -> p.startsWith("127.0.0.1:")));
    }

    @Test
    void servicesScaleNoFixedHostPortNoContainerName() {
        for (String module : HEARKEN) {
            assertThat(services.get(module)).as(module).doesNotContainKeys("ports", "container_name");
        }
    }

    @Test
    void everythingButTheProxyIsOnTheInternalNetworkOnly() {
        Map<String, Map<String, Object>> networks = (Map<String, Map<String, Object>>) compose.get("networks");
        assertThat(networks.get("backend")).containsEntry("internal", true);
        services.forEach((name, service) -> {
            List<String> on = list(service, "networks");
            assertThat(on).as(name).contains("backend");
            if (!Set.of("proxy", "prometheus").contains(name)) {
                assertThat(on).as(name + " is on the internal network only").containsExactly("backend");
            }
        });
    }

    @Test
    void everySecretComesFromARequiredVariableAndNoDemoValueIsLeft() throws Exception {
        services.forEach((name, service) -> env(name).forEach((key, value) -> {
            if (SECRET_NAME.matcher(key).find()) {
                assertThat(value).as(name + " " + key).matches(REQUIRED);
            }
        }));
        assertThat(env("mail").get("GREENMAIL_OPTS")).contains(":${HEARKEN_MAILBOX_PASSWORD:?");
        for (String file : List.of("docker-compose.yml", "docker/loopback.yml", "docker/caddy/Caddyfile")) {
            for (String line : Files.readAllLines(ROOT.resolve(file))) {
                String code = line.replaceAll("#.*$", "").toLowerCase();
                assertThat(code).as(file + ": " + line).doesNotContain("change-me", "changeme", "demo");
            }
        }
    }

    @Test
    void everyVariableComposeRequiresIsInEnvExample() throws Exception {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        Set<String> example = new TreeSet<>();
        for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
            if (line.matches("^[A-Z][A-Z0-9_]*=.*")) {
                example.add(line.substring(0, line.indexOf('=')));
            }
        }
        Matcher used = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[?-])?").matcher(compose.replaceAll("(?m)^\\s*#.*$", ""));
        Set<String> missing = new TreeSet<>();
        while (used.find()) {
            if (!example.contains(used.group(1))) {
                missing.add(used.group(1));
            }
        }
        assertThat(missing).as("variables docker-compose.yml uses that .env.example does not list").isEmpty();
    }

    @Test
    void elasticsearchKeepsSecurityAndTlsOnAndKibanaSignsIn() {
        assertThat(env("elasticsearch")).containsEntry("xpack.security.enabled", "true")
                .containsEntry("xpack.security.http.ssl.enabled", "true")
                .containsEntry("ELASTIC_PASSWORD", "${ELASTIC_PASSWORD:?set ELASTIC_PASSWORD in .env}");
        assertThat(env("kibana")).containsEntry("ELASTICSEARCH_HOSTS", "https://elasticsearch:9200")
                .containsEntry("ELASTICSEARCH_USERNAME", "kibana_system").containsEntry("SERVER_BASEPATH", "/kibana")
                .containsEntry("SERVER_REWRITEBASEPATH", "true");
        assertThat(env("kibana").get("SERVER_PUBLICBASEURL")).isEqualTo(env("notifier").get("HEARKEN_NOTIFIER_PUBLICURL")
                .replace(":?set HEARKEN_PUBLIC_URL in .env}", ":?set HEARKEN_PUBLIC_URL in .env}/kibana"));
        assertThat(env("kibana-setup")).containsEntry("KIBANA_URL", "http://kibana:5601/kibana").containsKey("KIBANA_PASSWORD");
    }

    @Test
    void kafkaAdvertisesTheContainerListenerAndTheHostOneOnLoopback() throws Exception {
        Map<String, String> kafka = env("kafka");
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).contains("INTERNAL://kafka:9092", "HOST://127.0.0.1:29092");
        Map<String, Map<String, Object>> loopback = (Map<String, Map<String, Object>>)
                yaml(ROOT.resolve("docker/loopback.yml")).get("services");
        assertThat(list(loopback.get("kafka"), "ports")).containsExactly("127.0.0.1:29092:29092");
    }

    @Test
    void prometheusScrapesEveryReplicaOfEveryService() throws Exception {
        assertThat(list(services.get("prometheus"), "profiles")).containsExactly("monitoring");
        Map<String, Object> config = yaml(ROOT.resolve("docker/prometheus/prometheus.yml"));
        Map<String, Object> job = ((List<Map<String, Object>>) config.get("scrape_configs")).get(0);
        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
        Map<String, Object> dns = ((List<Map<String, Object>>) job.get("dns_sd_configs")).get(0);
        assertThat(dns).containsEntry("type", "A").containsEntry("port", 8080);
        assertThat((List<String>) dns.get("names")).containsExactlyInAnyOrderElementsOf(HEARKEN);
    }

    @Test
    void everyServiceHasAPinnedImageOrABuildOfThisRepositoryAndAHealthCheck() {
        services.forEach((name, service) -> {
            assertThat(service.containsKey("image") || service.containsKey("build")).as(name).isTrue();
            if (service.get("image") instanceof String image) {
                assertThat(image).as(name + " pins its image version").matches(".+:v?[0-9][^:]*").doesNotEndWith(":latest");
            }
            if (service.get("build") instanceof String context) {
                assertThat(Files.exists(ROOT.resolve(context).resolve("Dockerfile"))).as(name + " Dockerfile").isTrue();
            }
            if (!"no".equals(String.valueOf(service.get("restart")))) {
                Map<String, Object> health = (Map<String, Object>) service.get("healthcheck");
                assertThat(health).as(name + " healthcheck").isNotNull().containsKey("test");
            }
        });
    }

    @Test
    void elasticsearchHasTheSameChineseAnalyzersAsTheEmbeddedNode() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("docker/elasticsearch/Dockerfile"));
        assertThat(dockerfile).contains("elasticsearch:8.19").contains("analysis-smartcn");
        assertThat(list(services.get("kibana-setup"), "volumes")).anyMatch(v -> v.startsWith("./analytics/kibana:"));
    }
}

package io.hearken.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * docker-compose.yml itself, started with Docker (skipped where no Docker engine runs, as on CI here): every
 * route answers through the proxy, the links in a complaint's mails open through it, nothing else is reachable,
 * and a service given a demo setting under the prod profile refuses to start and names the setting.
 * The stack gets random secrets and a staff account from a test override (target/compose-test/).
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerComposeTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path WORK = Path.of("target/compose-test").toAbsolutePath();
    static final String STAFF = "compose.manager";
    static final String STAFF_PASSWORD = "compose-test-" + UUID.randomUUID();
    static final Map<String, String> ENV = new HashMap<>();
    static final List<String> HEARKEN = ComposeFileTest.HEARKEN;
    static ComposeContainer compose;
    static String publicUrl;
    static int imapPort;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(run(List.of("docker", "compose", "version"), Map.of()).exit() == 0,
                "the docker compose plugin is not installed");
        int port = freePort();
        imapPort = freePort();
        publicUrl = "http://localhost:" + port;
        for (String secret : List.of("HEARKEN_PRIVACY_SECRET", "HEARKEN_STAFF_TOKEN_SECRET", "HEARKEN_NOTIFIER_LINK_SECRET",
                "HEARKEN_OPEN311_API_KEYS", "HEARKEN_HOTLINE_API_KEYS", "ELASTIC_PASSWORD", "KIBANA_SYSTEM_PASSWORD",
                "KIBANA_ENCRYPTION_KEY", "HEARKEN_ELASTICSEARCH_PASSWORD", "HEARKEN_MAILBOX_PASSWORD")) {
            ENV.put(secret, UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""));
        }
        ENV.putAll(Map.of("HEARKEN_PUBLIC_URL", publicUrl, "HEARKEN_SITE", ":80", "HEARKEN_HTTP_PORT", String.valueOf(port),
                "HEARKEN_HTTPS_PORT", String.valueOf(freePort())));
        Files.createDirectories(WORK.resolve("config"));
        Files.writeString(WORK.resolve("config/application.yml"), """
                hearken:
                  staff:
                    users:
                      - {username: %s, password: "{noop}%s", name: Compose Test, departments: [management], role: manager, language: en}
                """.formatted(STAFF, STAFF_PASSWORD));
        // The test's own additions: its staff account, and GreenMail's IMAP on loopback to read the residents' mail.
        StringBuilder override = new StringBuilder("services:\n");
        for (String service : HEARKEN) {
            override.append("  ").append(service).append(":\n    volumes:\n      - ").append(WORK.resolve("config"))
                    .append(":/config:ro\n");
        }
        override.append("  mail:\n    networks: [backend, edge]\n    ports:\n      - \"127.0.0.1:").append(imapPort)
                .append(":3143\"\n");
        Files.writeString(WORK.resolve("override.yml"), override);

        compose = new ComposeContainer("hearken-compose-test", files()).withEnv(ENV).withBuild(true)
                .withRemoveVolumes(true).withStartupTimeout(Duration.ofMinutes(20))
                .waitingFor("proxy", Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(20)))
                .waitingFor("kibana", Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(20)));
        for (String service : HEARKEN) {
            compose.waitingFor(service, Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(20)));
        }
        compose.start();
        Runtime.getRuntime().addShutdownHook(new Thread(compose::stop));
    }

    static List<File> files() {
        return List.of(ROOT.resolve("docker-compose.yml").toFile(), WORK.resolve("override.yml").toFile());
    }

    static String project() {
        return compose.getContainerByServiceName("proxy-1").or(() -> compose.getContainerByServiceName("proxy"))
                .orElseThrow().getContainerInfo().getConfig().getLabels().get("com.docker.compose.project");
    }

    @Test
    void everyRouteAnswersThroughTheProxyAndActuatorStaysInside() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(get("/track").statusCode()).isEqualTo(200);
        assertThat(get("/web/web.css").statusCode()).isEqualTo(200);
        assertThat(get("/open311/v2/services.json").statusCode()).isEqualTo(200);
        assertThat(get("/login").statusCode()).isEqualTo(200);
        assertThat(get("/desk/assets/desk.css").statusCode()).isEqualTo(200);
        assertThat(get("/kibana/login").statusCode()).isEqualTo(200);
        // Staff pages need sign-in in every service: no anonymous 200.
        for (String staff : List.of("/desk", "/dashboard", "/api/v1/analytics/search", "/api/v1/notifier/dead-letters",
                "/api/v1/desk/queue")) {
            assertThat(get(staff).statusCode()).as(staff).isIn(302, 401, 403);
        }
        assertThat(get("/actuator/health").statusCode()).isEqualTo(404);
        // Redirects point at the public address (the proxy's X-Forwarded-* are honoured).
        HttpResponse<String> desk = get("/desk");
        desk.headers().firstValue("Location").ifPresent(l -> assertThat(l).satisfiesAnyOf(
                x -> assertThat(x).startsWith(publicUrl), x -> assertThat(x).startsWith("/")));
    }

    @Test
    void theLinksInAComplaintsMailsOpenThroughTheProxy() throws Exception {
        String resident = "resident-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(publicUrl + "/api/v1/complaints"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "Li Ming", "email": "%s", "building": "3", "unit": "1203", "subject": "Lift stuck",
                         "description": "The lift in building 3 is stuck between floors", "language": "en", "consent": true}
                        """.formatted(resident))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher idMatch = Pattern.compile("HK-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}").matcher(created.body());
        assertThat(idMatch.find()).isTrue();
        String id = idMatch.group();
        assertThat(created.body()).contains(publicUrl + "/track?id=" + id);

        String acknowledgement = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(3))
                .until(() -> ResidentMail.containing(imapPort, resident, id, "/track?id="), m -> m != null);
        opensThroughTheProxy(ResidentMail.links(acknowledgement));
        assertThat(ResidentMail.links(acknowledgement)).anyMatch(l -> l.contains("/track?id=" + id));

        String auth = "Basic " + Base64.getEncoder().encodeToString((STAFF + ":" + STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(staffPost(auth,
                "/api/v1/desk/complaints/" + id + "/acknowledge", "{}").statusCode()).isBetween(200, 299));
        assertThat(staffPost(auth, "/api/v1/desk/complaints/" + id + "/resolution",
                "{\"text\": \"The lift was repaired.\"}").statusCode()).isBetween(200, 299);
        String resolution = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(3))
                .until(() -> ResidentMail.containing(imapPort, resident, id, "/satisfaction/"), m -> m != null);
        List<String> links = ResidentMail.links(resolution);
        assertThat(links).anyMatch(l -> l.contains("/satisfaction/")).anyMatch(l -> l.contains("/track?id=" + id));
        opensThroughTheProxy(links);
    }

    /** Every link to Hearken in a mail is on the public address and answers 200 there. */
    static void opensThroughTheProxy(List<String> links) throws Exception {
        for (String link : links) {
            if (link.contains("/track") || link.contains("/satisfaction")) {
                assertThat(link).startsWith(publicUrl);
            }
            if (link.startsWith(publicUrl)) {
                assertThat(get(link.substring(publicUrl.length())).statusCode()).as(link).isEqualTo(200);
            }
        }
    }

    @Test
    void nothingButTheProxyIsPublished() {
        List<Container> containers = DockerClientFactory.instance().client().listContainersCmd()
                .withLabelFilter(Map.of("com.docker.compose.project", project())).exec();
        assertThat(containers).isNotEmpty();
        for (Container c : containers) {
            String service = c.getLabels().get("com.docker.compose.service");
            List<ContainerPort> published = new ArrayList<>();
            for (ContainerPort p : c.getPorts()) {
                if (p.getPublicPort() != null) {
                    published.add(p);
                }
            }
            if (service.equals("mail")) { // the test's own loopback IMAP port
                assertThat(published).allMatch(p -> "127.0.0.1".equals(p.getIp()));
            } else if (!service.equals("proxy")) {
                assertThat(published).as(service + " publishes nothing").isEmpty();
            }
            if (HEARKEN.contains(service)) {
                assertThat(c.getNetworkSettings().getNetworks().keySet()).as(service).singleElement().asString()
                        .endsWith("_backend");
            }
        }
    }

    @Test
    void aServiceWithADemoSettingRefusesToStartUnderProdAndNamesIt() throws Exception {
        Result web = composeRun("intake-web", "HEARKEN_WEB_OPEN311_APIKEYS=demo");
        assertThat(web.exit()).isNotZero();
        assertThat(web.output()).contains("APPLICATION FAILED TO START")
                .contains("hearken.web.open311.api-keys (HEARKEN_WEB_OPEN311_APIKEYS) contains a demo key");
        Result desk = composeRun("desk", "HEARKEN_STAFF_DEMOACCOUNTS=true");
        assertThat(desk.exit()).isNotZero();
        assertThat(desk.output()).contains("hearken.staff.demo-accounts (HEARKEN_STAFF_DEMOACCOUNTS) is true");
        Result secret = composeRun("router", "HEARKEN_PRIVACY_SECRET=change-me-in-production-0123456789");
        assertThat(secret.exit()).isNotZero();
        assertThat(secret.output()).contains("hearken.privacy.secret (HEARKEN_PRIVACY_SECRET) is a default or demo value");
    }

    static Result composeRun(String service, String setting) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker", "compose", "-p", project()));
        files().forEach(f -> command.addAll(List.of("-f", f.toString())));
        command.addAll(List.of("run", "--rm", "--no-deps", "-e", setting, service));
        return run(command, ENV);
    }

    record Result(int exit, String output) {
    }

    static Result run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (java.io.IOException noDocker) {
            return new Result(-1, noDocker.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), output);
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(publicUrl + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> staffPost(String auth, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(publicUrl + path)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

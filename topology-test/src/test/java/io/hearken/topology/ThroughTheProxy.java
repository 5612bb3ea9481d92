package io.hearken.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The services reached as a resident and a member of staff reach them: only through the public entry of
 * docker-compose.yml, the real Caddy running docker/caddy/Caddyfile ({@link CaddyProxy}). The links in real mails
 * (read from the resident's mailbox) open there, a rating given there is recorded, staff endpoints of every
 * deployable refuse anonymous callers there, and one sign-in there is good on every service. Tests mixed into a test
 * class that has a started {@link Topology} ({@link ServicesAsProcessesTest}: the {@link SharedTopology}); each is skipped,
 * saying why, where {@code caddy} is not installed. Orders 101+: after the tests of the class itself.
 */
interface ThroughTheProxy {

    Duration PATIENCE = Duration.ofSeconds(180);
    Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    /** The started topology. */
    Topology topology();

    /** The proxy's address; aborts the test (skipped, with the reason) where there is no proxy. */
    private String proxy() {
        Assumptions.assumeTrue(topology().proxy().isPresent(), () -> "No proxy: " + topology().proxyUnavailable());
        return topology().proxy().orElseThrow().baseUrl();
    }

    @Test
    @Order(101)
    default void theFormOpen311AndTheStylesAnswerThroughTheProxyAndActuatorDoesNot() {
        String proxy = proxy();
        Browser anyone = new Browser(proxy);
        HttpResponse<String> form = anyone.get("/", "text/html");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"complaint-form\"");
        HttpResponse<String> services = anyone.get("/open311/v2/services.json", "application/json");
        assertThat(services.statusCode()).isEqualTo(200);
        assertThat(Probe.JSON.readTree(services.body()).isArray()).as(services.body()).isTrue();
        assertThat(anyone.get("/web/web.css", "text/css").statusCode()).isEqualTo(200);
        assertThat(anyone.get("/desk/assets/desk.css", "text/css").statusCode()).isEqualTo(200);
        // Each service answers its health check itself; through the public address it does not exist.
        assertThat(new Browser(topology().service("desk").baseUrl()).get("/actuator/health", "application/json")
                .statusCode()).isEqualTo(200);
        for (String path : List.of("/actuator/health", "/actuator", "/actuator/prometheus")) {
            assertThat(anyone.get(path, "application/json").statusCode()).as(path).isEqualTo(404);
        }
    }

    /** One staff endpoint of every deployable that has them: APIs 401, pages the way to the sign-in. */
    @Test
    @Order(102)
    default void anAnonymousCallerIsRefusedOnEveryDeployablesStaffEndpoints() {
        String proxy = proxy();
        Browser anyone = new Browser(proxy);
        Map<String, Integer> apis = new LinkedHashMap<>();
        apis.put("GET /api/v1/desk/queue", 401); // desk
        apis.put("GET /api/v1/analytics/search", 401); // analytics
        apis.put("GET /api/v1/privacy/erasures", 401); // analytics, the privacy API
        apis.put("GET /api/v1/notifier/dead-letters", 401); // notifier
        apis.put("POST /api/v1/notifier/dead-letters/replay", 401);
        apis.put("POST /api/v1/hotline/transcripts", 401); // intake-hotline
        apis.forEach((endpoint, status) -> {
            String[] m = endpoint.split(" ");
            assertThat(Probe.anonymousStatus(m[0], proxy + m[1])).as(endpoint).isEqualTo(status);
        });
        for (String page : List.of("/desk", "/dashboard", "/dashboard/monthly")) {
            HttpResponse<String> answer = anyone.get(page, "text/html");
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).as(page)
                    .satisfiesAnyOf(l -> assertThat(l).startsWith(proxy + "/login?next="), l -> assertThat(l).startsWith("/login?next="));
        }
    }

    /** The sign-in is the desk's page; the cookie it sets is good on the dashboard (analytics) and the desk. */
    @Test
    @Order(103)
    default void oneSignInThroughTheProxyIsGoodOnTheDashboardAndTheDesk() {
        String proxy = proxy();
        Browser manager = new Browser(proxy);
        HttpResponse<String> page = manager.get("/login", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as(page.body()).isTrue();
        HttpResponse<String> signedIn = manager.postForm("/login",
                Map.of("username", Topology.staffOf("management"), "password", Topology.PASSWORD, "_csrf", csrf.group(1)));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(manager.cookie("HEARKEN_STAFF")).as("the sign-in cookie").isNotBlank();

        HttpResponse<String> dashboard = manager.get("/dashboard", "text/html");
        assertThat(dashboard.statusCode()).as("dashboard (analytics) with the desk's sign-in").isEqualTo(200);
        HttpResponse<String> search = manager.get("/api/v1/analytics/search", "application/json");
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        assertThat(manager.get("/desk", "text/html").statusCode()).as("desk page").isEqualTo(200);
        HttpResponse<String> queue = manager.get("/api/v1/desk/queue", "application/json");
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        assertThat(Probe.JSON.readTree(queue.body()).path("person").asString()).isEqualTo(Topology.staffOf("management"));
    }

    /**
     * A complaint made through the proxy: the tracking link of its acknowledgement opens there and shows it; resolved
     * through the desk API there by a member of its department, the satisfaction link of the resolution mail opens
     * there and the rating given there is recorded on the complaint.
     */
    @Test
    @Order(104)
    default void theLinksInAComplaintsMailsOpenThroughTheProxyAndARatingThereIsRecorded() throws Exception {
        String proxy = proxy();
        String marker = "proxy" + UUID.randomUUID().toString().substring(0, 8);
        String resident = marker + "@example.com";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Li Ming");
        body.put("email", resident);
        body.put("building", "3");
        body.put("unit", "1203");
        body.put("subject", "Lift stuck " + marker);
        body.put("description", "The lift in building 3 is stuck between floors again " + marker);
        body.put("language", "en");
        body.put("consent", true);
        Probe.Answer created = Probe.postJson(proxy + "/api/v1/complaints", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.body().path("id").asString();
        assertThat(created.body().path("trackingUrl").asString()).isEqualTo(proxy + "/track?id=" + id);

        String acknowledgement = await("the acknowledgement in " + resident + "'s mailbox").atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1)).until(() -> mailWith(resident, id, "/track?id="), m -> m != null);
        String link = Mailbox.links(acknowledgement).stream().filter(l -> l.contains("/track?id=" + id)).findFirst()
                .orElseThrow(() -> new AssertionError("no tracking link in " + acknowledgement));
        assertThat(link).startsWith(proxy + "/");
        Browser residentsBrowser = new Browser(proxy);
        HttpResponse<String> opened = residentsBrowser.get(link, "text/html");
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("id=\"track-form\"").contains("value=\"" + id + "\"");
        // The page asks for the contact the complaint was made with, then shows it.
        await("the complaint shown on the tracking page").atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> shown = residentsBrowser.postForm("/track", Map.of("id", id, "contact", resident));
            assertThat(shown.statusCode()).isEqualTo(200);
            assertThat(shown.body()).contains("id=\"complaint-id\">" + id + "<")
                    .contains("stuck between floors again " + marker);
        });

        String department = await("routed").atMost(PATIENCE).until(() -> Probe.complaintsById(elasticsearch(), List.of(id))
                .stream().map(d -> d.path("department").asString("")).filter(d -> !d.isBlank()).findFirst().orElse(null),
                d -> d != null);
        String staff = Topology.staffOf(department);
        await(id + " on " + staff + "'s desk, through the proxy").atMost(PATIENCE)
                .untilAsserted(() -> assertThat(Probe.deskQueue(proxy, staff)).contains(id));
        HttpResponse<String> acknowledged = Browser.postJson(proxy + "/api/v1/desk/complaints/" + id + "/acknowledge", "{}",
                staff, Topology.PASSWORD);
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isBetween(200, 299);
        HttpResponse<String> resolved = Browser.postJson(proxy + "/api/v1/desk/complaints/" + id + "/resolution",
                "{\"text\": \"The lift was repaired " + marker + ".\"}", staff, Topology.PASSWORD);
        assertThat(resolved.statusCode()).as(resolved.body()).isBetween(200, 299);

        String resolution = await("the resolution mail with its satisfaction link").atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1)).until(() -> mailWith(resident, id, "/satisfaction/"), m -> m != null);
        String satisfaction = Mailbox.links(resolution).stream().filter(l -> l.contains("/satisfaction/")).findFirst().orElseThrow();
        assertThat(satisfaction).startsWith(proxy + "/satisfaction/");
        Browser rating = new Browser(proxy);
        HttpResponse<String> form = rating.get(satisfaction, "text/html");
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"score-4\"");
        HttpResponse<String> rated = rating.postForm(satisfaction, Map.of("score", "4", "comment", "Quick " + marker));
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
        assertThat(rated.body()).contains("id=\"thanks\"");
        await("the rating recorded on the complaint").atMost(PATIENCE).untilAsserted(() -> {
            JsonNode doc = Probe.complaintsById(elasticsearch(), List.of(id)).stream().findFirst().orElseThrow();
            assertThat(doc.path("satisfaction").asInt(0)).as(doc.toString()).isEqualTo(4);
        });
        assertThat(rating.get(satisfaction, "text/html").body()).as("the link, used").contains("id=\"used\"");
    }

    /** The first mail in the resident's own mailbox that names the complaint and contains {@code text}. */
    private String mailWith(String resident, String complaint, String text) throws Exception {
        return Mailbox.texts(topology().servers().mail().greenMail(), resident).stream()
                .filter(t -> t.contains(complaint) && t.contains(text)).findFirst().orElse(null);
    }

    private String elasticsearch() {
        return topology().servers().elasticsearch().uri();
    }
}

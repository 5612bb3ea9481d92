package io.hearken.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two services as they run behind one proxy, each with only its own {@link StaffEndpoints}: a person signs in
 * once at one of them and the other knows them by the shared cookie; anonymous callers get 401 (API) or the way to
 * the sign-in page (pages); an API key works only where its owner declared it; a different secret is not trusted.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInAcrossServicesTest {

    static final List<String> COMMON = List.of("server.port=0", "hearken.staff.demo-accounts=true",
            "hearken.staff.token-secret=one-secret-for-every-service-behind-the-proxy");

    static ConfigurableApplicationContext desk;
    static ConfigurableApplicationContext analytics;
    static ConfigurableApplicationContext stranger;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        desk = run(DeskSide.class, COMMON);
        analytics = run(AnalyticsSide.class, COMMON);
        stranger = run(AnalyticsSide.class, List.of("server.port=0", "hearken.staff.demo-accounts=true",
                "hearken.staff.token-secret=another-secret-entirely-different"));
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {desk, analytics, stranger}) {
            if (c != null) {
                c.close();
            }
        }
    }

    static ConfigurableApplicationContext run(Class<?> side, List<String> properties) {
        return new SpringApplicationBuilder(side).web(WebApplicationType.SERVLET)
                .properties(properties.toArray(String[]::new)).run();
    }

    static String url(ConfigurableApplicationContext service, String path) {
        return "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort() + path;
    }

    @Test
    void signInOnceAndTheOtherServiceKnowsYou() throws Exception {
        // The dashboard sends an anonymous browser to the sign-in page, saying where to come back.
        HttpResponse<String> page = get(analytics, "/dashboard?lang=en", null, null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow())
                .endsWith("/login?next=" + URLEncoder.encode("/dashboard?lang=en", StandardCharsets.UTF_8));

        // Sign in at the desk's /login (here Spring Security's plain page: the test desk draws none).
        HttpResponse<String> remembered = get(desk, "/login?next=%2Fdashboard%3Flang%3Den", null, null);
        assertThat(remembered.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        String session = cookie(remembered, "JSESSIONID");
        HttpResponse<String> form = get(desk, "/login", "JSESSIONID=" + session, null);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as(form.body()).isTrue();
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(url(desk, "/login")))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=wang.fang&password=demo&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard?lang=en");
        String staff = cookie(signedIn, "HEARKEN_STAFF");

        // The other service: the same person, with their department and role, from the cookie alone.
        HttpResponse<String> dashboard = get(analytics, "/dashboard", "HEARKEN_STAFF=" + staff, null);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).isEqualTo("wang.fang [maintenance] SUPERVISOR");
        assertThat(dashboard.headers().firstValue("Set-Cookie")).as("no session of its own").isEmpty();
        // A service with another secret does not trust it.
        assertThat(get(stranger, "/dashboard", "HEARKEN_STAFF=" + staff, null).statusCode()).isEqualTo(302);
    }

    @Test
    void withoutAnyAccountEveryStaffEndpointIs401AndTheLogSaysWhatToSet(CapturedOutput log) throws Exception {
        try (ConfigurableApplicationContext bare = run(AnalyticsSide.class, List.of("server.port=0"))) {
            assertThat(log.getOut()).contains("No staff accounts", "hearken.staff.users[0].username");
            for (String user : new String[] {null, "liu.yang:demo"}) {
                assertThat(get(bare, "/api/v1/analytics/summary", null, user).statusCode()).isEqualTo(401);
            }
            assertThat(get(bare, "/public", null, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void apisAnswer401And403AsProblemsAndUndeclaredPathsStayOpen() throws Exception {
        HttpResponse<String> anonymous = get(analytics, "/api/v1/analytics/summary", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(anonymous.body()).contains("\"status\":401");
        HttpResponse<String> worker = get(analytics, "/api/v1/analytics/summary", null, "li.wei:demo");
        assertThat(worker.statusCode()).isEqualTo(403);
        assertThat(worker.body()).contains("\"status\":403");
        assertThat(get(analytics, "/api/v1/analytics/summary", null, "liu.yang:demo").statusCode()).isEqualTo(200);
        // Not declared by anyone: open, no challenge.
        assertThat(get(analytics, "/public", null, null).statusCode()).isEqualTo(200);
        // Only what a service declares is guarded there: the desk's paths are not the analytics service's.
        assertThat(get(analytics, "/api/v1/desk/queue", null, null).body()).isEqualTo("anyone");
    }

    @Test
    void anApiKeyWorksOnlyWhereItsOwnerDeclaredIt() throws Exception {
        assertThat(post(desk, "/api/v1/upload", "the-upload-key", null).statusCode()).isEqualTo(200);
        assertThat(post(desk, "/api/v1/upload", "a-wrong-key", null).statusCode()).isEqualTo(401);
        assertThat(post(desk, "/api/v1/upload", null, null).statusCode()).isEqualTo(401);
        assertThat(post(desk, "/api/v1/upload", null, "li.wei:demo").statusCode()).isEqualTo(200);
        // The key is the upload's, not the desk queue's.
        assertThat(get(desk, "/api/v1/desk/queue", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> queue = http.send(HttpRequest.newBuilder(URI.create(url(desk, "/api/v1/desk/queue")))
                .header("X-Api-Key", "the-upload-key").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(queue.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(ConfigurableApplicationContext service, String path, String cookie, String basic)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(service, path))).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (basic != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(ConfigurableApplicationContext service, String path, String key, String basic)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(service, path)))
                .POST(HttpRequest.BodyPublishers.ofString("x"));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        if (basic != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).findFirst().orElseThrow();
    }

    /** Answers with who is asking. */
    @RestController
    static class Echo {

        @GetMapping({"/dashboard", "/api/v1/analytics/summary", "/api/v1/desk/queue", "/public"})
        String who(Authentication auth) {
            if (auth == null || !(auth.getPrincipal() instanceof StaffPrincipal)) {
                return "anyone";
            }
            StaffPerson p = StaffPerson.of(auth);
            return p.id() + " " + p.departments() + " " + p.role();
        }

        @PostMapping("/api/v1/upload")
        String upload() {
            return "taken";
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Echo.class)
    static class DeskSide {

        @Bean
        StaffEndpoints deskEndpoints() {
            return StaffEndpoints.of("desk").require(StaffRole.STAFF, "/desk/**", "/api/v1/desk/**");
        }

        @Bean
        StaffEndpoints uploadEndpoints() {
            return StaffEndpoints.of("upload").require(StaffRole.STAFF, HttpMethod.POST, "/api/v1/upload")
                    .orApiKeys(List.of("the-upload-key"));
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Echo.class)
    static class AnalyticsSide {

        @Bean
        StaffEndpoints analyticsEndpoints() {
            return StaffEndpoints.of("analytics").require(StaffRole.SUPERVISOR, "/dashboard/**", "/api/v1/analytics/**");
        }
    }
}

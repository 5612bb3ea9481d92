package io.hearken.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker/caddy/Caddyfile, the one public entry of docker-compose.yml, checked without Docker: every path a
 * module maps or serves from {@code static/} goes to that module's service, the links in mails and the staff
 * pages go where they are served, actuator stays inside, and Caddy itself accepts the file where it is installed.
 */
class ProxyRoutesTest {

    static final Path ROOT = ComposeFileTest.ROOT;
    static final List<String> HEARKEN = ComposeFileTest.HEARKEN;
    static Map<String, Map<String, Object>> services;
    static CaddyRoutes caddy;

    @BeforeAll
    static void parse() throws Exception {
        ComposeFileTest.parse();
        services = ComposeFileTest.services;
        caddy = CaddyRoutes.read(ROOT.resolve("docker/caddy/Caddyfile"));
    }

    @Test
    void trackingAndSatisfactionLinksInMailsShareTheProxysAddress() {
        String publicUrl = "${HEARKEN_PUBLIC_URL:?set HEARKEN_PUBLIC_URL in .env}";
        assertThat(ComposeFileTest.env("notifier")).containsEntry("HEARKEN_NOTIFIER_PUBLICURL", publicUrl);
        assertThat(ComposeFileTest.env("intake-web")).containsEntry("HEARKEN_WEB_PUBLICBASEURL", publicUrl);
        assertThat(caddy.serviceOf("/track")).isEqualTo("intake-web");
        assertThat(caddy.serviceOf("/satisfaction/HK-7K2M-9QXD.token")).isEqualTo("notifier");
    }

    @Test
    void everyPathAServiceServesIsRoutedToThatService() throws Exception {
        List<ServedPaths.Served> served = ServedPaths.of(ROOT);
        assertThat(served).extracting(ServedPaths.Served::path)
                .contains("/", "/track", "/api/v1/complaints", "/open311/v2/requests.x", "/desk", "/login",
                        "/dashboard", "/satisfaction/x", "/api/v1/triage", "/desk/assets/desk.css");
        List<String> wrong = new ArrayList<>();
        for (ServedPaths.Served s : served) {
            String to = caddy.serviceOf(s.path());
            boolean right = services.containsKey(s.module()) ? s.module().equals(to) : HEARKEN.contains(to);
            if (!right) {
                wrong.add(s.path() + " (" + s.module() + ", " + s.source() + ") goes to " + to);
            }
        }
        assertThat(wrong).as("paths the proxy sends elsewhere").isEmpty();
    }

    @Test
    void theProxyRoutesTheLinksStaffAndResidentsOpen() {
        Map<String, String> expected = Map.ofEntries(Map.entry("/", "intake-web"), Map.entry("/track", "intake-web"),
                Map.entry("/web/web.css", "intake-web"), Map.entry("/open311/v2/services.json", "intake-web"),
                Map.entry("/api/v1/complaints/HK-7K2M-9QXD", "intake-web"), Map.entry("/desk", "desk"),
                Map.entry("/desk/complaints/HK-7K2M-9QXD", "desk"), Map.entry("/api/v1/desk/queue", "desk"),
                Map.entry("/login", "desk"), Map.entry("/logout", "desk"), Map.entry("/oauth2/authorization/desk", "desk"),
                Map.entry("/login/oauth2/code/desk", "desk"), Map.entry("/dashboard/monthly", "analytics"),
                Map.entry("/api/v1/analytics/search", "analytics"), Map.entry("/api/v1/privacy/erasure", "analytics"),
                Map.entry("/webjars/chart.js/4.4.1/dist/chart.umd.js",
                        "analytics"), Map.entry("/api/v1/notifier/dead-letters", "notifier"),
                Map.entry("/api/v1/hotline/transcripts", "intake-hotline"), Map.entry("/kibana/app/home", "kibana"),
                Map.entry("/kibana", "kibana"), Map.entry("/actuator/health", CaddyRoutes.REFUSED),
                Map.entry("/actuator", CaddyRoutes.REFUSED));
        expected.forEach((path, service) -> assertThat(caddy.serviceOf(path)).as(path).isEqualTo(service));
        caddy.routes().stream().map(CaddyRoutes.Route::target).filter(t -> !t.equals(CaddyRoutes.REFUSED))
                .forEach(t -> assertThat(services).as("upstream " + t).containsKey(t.substring(0, t.indexOf(':'))));
    }

    /** topology-test runs this same file in front of processes: each upstream is overridable, compose gets the default. */
    @Test
    void everyUpstreamIsAnOverridablePlaceholderDefaultingToItsComposeService() throws Exception {
        Pattern upstream = Pattern.compile("dynamic a \\{\\$HEARKEN_UPSTREAM_([A-Z_]+):([a-z-]+)} "
                + "\\{\\$HEARKEN_UPSTREAM_([A-Z_]+)_PORT:(\\d+)} \\{");
        int upstreams = 0;
        for (String line : Files.readAllLines(ROOT.resolve("docker/caddy/Caddyfile"))) {
            String code = line.replaceAll("#.*$", "").strip();
            if (code.startsWith("dynamic")) {
                Matcher m = upstream.matcher(code);
                assertThat(m.matches()).as(code).isTrue();
                assertThat(m.group(1)).as(code).isEqualTo(m.group(3))
                        .isEqualTo(m.group(2).toUpperCase(Locale.ROOT).replace('-', '_'));
                upstreams++;
            }
        }
        assertThat(upstreams).isEqualTo(caddy.routes().size() - 1); // every route but the refused /actuator
    }

    @Test
    void caddyValidatesTheCaddyfileWhereCaddyIsInstalled() throws Exception {
        Process which;
        try {
            which = new ProcessBuilder("caddy", "version").redirectErrorStream(true).start();
        } catch (java.io.IOException noCaddy) {
            Assumptions.abort("caddy is not installed here");
            return;
        }
        which.waitFor(30, TimeUnit.SECONDS);
        for (String site : List.of(":80", "complaints.example.org")) {
            ProcessBuilder validate = new ProcessBuilder("caddy", "validate", "--adapter", "caddyfile", "--config",
                    ROOT.resolve("docker/caddy/Caddyfile").toString()).redirectErrorStream(true);
            validate.environment().put("HEARKEN_SITE", site);
            Process p = validate.start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("Valid configuration");
        }
    }
}

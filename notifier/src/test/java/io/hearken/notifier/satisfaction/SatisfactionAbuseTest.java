package io.hearken.notifier.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.events.Channel;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.InformationRequested;
import io.hearken.events.Place;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.notifier.NotifierTestSupport;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Abuse probes on the notifier, against the real Kafka and SMTP servers: a satisfaction link replayed (another
 * score, after a restart), forged in every part or signed with another key; the satisfaction page flooded; and
 * script in every resident and staff text that reaches a mail, which the HTML part must carry only escaped.
 */
class SatisfactionAbuseTest extends NotifierTestSupport {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String JS = "javascript:alert(1)";
    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/satisfaction/[A-Za-z0-9_.-]+)");

    @Autowired
    SatisfactionTokens tokens;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aUsedLinkIsRefusedForASecondRatingAndNoSecondFeedbackIsPublished() throws Exception {
        ComplaintId id = acknowledgedComplaint(uniqueAddress("replay"), "en");
        publish(Topics.UPDATES, new ComplaintResolved(Events.newId(), id, Instant.now(), staff(), "Replaced the board"));
        await().atMost(WAIT).until(() -> mailsFor(id).size() == 2);
        String text = part(mailsFor(id).stream().filter(m -> part(m, "text/plain").contains("/satisfaction/"))
                .findFirst().orElseThrow(), "text/plain");
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).isTrue();
        String path = link.group(1);

        assertThat(post("127.0.0.1", path, "score=5").statusCode()).isEqualTo(200);
        HttpResponse<String> again = post("127.0.0.1", path, "score=1");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already been used").doesNotContain("<form");
        assertThat(post("127.0.0.1", path, "score=5").statusCode()).as("the same click again").isEqualTo(409);
        HttpResponse<String> view = get("127.0.0.1", path);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("already been used").doesNotContain("<form");

        await().atMost(WAIT).until(() -> eventsOn(Topics.INTAKE_WEB, id, FeedbackGiven.class).size() == 1);
        assertThat(eventsOn(Topics.INTAKE_WEB, id, FeedbackGiven.class)).singleElement()
                .satisfies(f -> assertThat(f.score()).isEqualTo(5));
    }

    @Test
    void clicksAtTheSameMomentAreOneRating() throws Exception {
        ComplaintId id = TrackingIds.next();
        String path = "/satisfaction/" + tokens.issue(id, Instant.now().plusSeconds(3600), Locale.ENGLISH, "r1");
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> clicks = new java.util.ArrayList<>();
        for (int score = 1; score <= 5; score++) {
            clicks.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("score=" + score)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = clicks.stream().map(c -> c.join().statusCode()).toList();
        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        await().atMost(WAIT).until(() -> eventsOn(Topics.INTAKE_WEB, id, FeedbackGiven.class).size() == 1);
        assertThat(eventsOn(Topics.INTAKE_WEB, id, FeedbackGiven.class)).hasSize(1);
    }

    @Test
    void aLinkWhoseResolutionWasRatedElsewhereIsUsedUpAfterARestartToo() throws Exception {
        // The rating came in before (another instance, or before a restart): complaints.state has it.
        ComplaintId id = TrackingIds.next();
        ComplaintRouted routed = routed(id, new Contact("Zhang Wei", uniqueAddress("state"), null), "en", "maintenance");
        ComplaintResolved resolved = new ComplaintResolved(Events.newId(), id, Instant.now(), staff(), "done");
        publishState(routed, resolved, new FeedbackGiven(Events.newId(), id, Instant.now(), Channel.WEB, 4, null));
        String token = tokens.issue(id, Instant.now().plusSeconds(3600), Locale.ENGLISH, resolved.eventId());
        await().atMost(WAIT).untilAsserted(() -> assertThat(post("127.0.0.1", "/satisfaction/" + token, "score=1")
                .statusCode()).isEqualTo(409));
        // A link of another (later) resolution of the same complaint still works.
        String later = tokens.issue(id, Instant.now().plusSeconds(3600), Locale.ENGLISH, Events.newId());
        assertThat(get("127.0.0.1", "/satisfaction/" + later).body()).contains("<form");
    }

    @Test
    void tokensChangedInAnyPartOrSignedWithAnotherKeyAreInvalid() throws Exception {
        ComplaintId id = TrackingIds.next();
        String genuine = tokens.issue(id, Instant.now().plusSeconds(3600), Locale.ENGLISH, "r1");
        String payload = new String(Base64.getUrlDecoder().decode(genuine.substring(0, genuine.indexOf('.'))),
                StandardCharsets.UTF_8);
        String signature = genuine.substring(genuine.indexOf('.'));
        String[] parts = payload.split("\\|");
        String longer = String.valueOf(Long.parseLong(parts[1]) + 86_400 * 365);
        String foreign = new SatisfactionTokens("another-secret", java.time.Clock.systemUTC())
                .issue(id, Instant.now().plusSeconds(3600), Locale.ENGLISH, "r1");
        for (String token : new String[] {
                resign(parts[0] + "|" + longer + "|" + parts[2] + "|" + parts[3], signature), // expiry pushed out
                resign(parts[0] + "|" + parts[1] + "|zh-CN|" + parts[3], signature),          // language
                resign(parts[0] + "|" + parts[1] + "|" + parts[2] + "|r2", signature),         // another resolution
                genuine.substring(0, genuine.indexOf('.')) + ".",                              // no signature
                foreign, "../../etc/passwd", "%00", "a".repeat(290) + "." + "b"}) {
            HttpResponse<String> page = post("127.0.0.1", "/satisfaction/" + token, "score=1");
            assertThat(page.statusCode()).as(token).isIn(400, 404);
        }
        assertThat(eventsOn(Topics.INTAKE_WEB, id, FeedbackGiven.class)).isEmpty();
    }

    @Test
    void anAddressThatFloodsThePageGets429WithRetryAfter() throws Exception {
        // From another loopback address (bound by hand), so the other tests' address (127.0.0.1) keeps its tokens.
        String token = tokens.issue(TrackingIds.next(), Instant.now().plusSeconds(3600), Locale.ENGLISH, "r1");
        String last = null;
        for (int i = 0; i < 500 && (last == null || !last.startsWith("HTTP/1.1 429")); i++) {
            last = fromAnotherAddress(i % 2 == 0 ? "GET /satisfaction/" + token : "POST /satisfaction/x.y");
        }
        assertThat(last).startsWith("HTTP/1.1 429").containsIgnoringCase("Retry-After: ")
                .contains("Too many requests").doesNotContain("<form");
        assertThat(get("127.0.0.1", "/satisfaction/" + token).statusCode()).as("other addresses go on").isEqualTo(200);
    }

    @Test
    void anOversizePostIsRefusedAndRecordsNothing() throws Exception {
        ComplaintId id = TrackingIds.next();
        String token = tokens.issue(id, Instant.now().plusSeconds(3600), Locale.ENGLISH, "r1");
        HttpResponse<String> big = post("127.0.0.1", "/satisfaction/" + token, "comment=" + "x".repeat(3_000_000)
                + "&score=5");
        assertThat(big.statusCode()).isIn(400, 413);
        assertThat(eventsOn(Topics.INTAKE_WEB, id, FeedbackGiven.class)).isEmpty();
    }

    /** One HTTP/1.1 request from 127.0.0.2; the whole answer as text. */
    private String fromAnotherAddress(String requestLine) throws Exception {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress("127.0.0.2", 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\nscore=1")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void scriptInEveryTextOfAComplaintReachesTheMailsOnlyEscaped() throws Exception {
        ComplaintId id = TrackingIds.next();
        Instant now = Instant.now();
        String email = uniqueAddress("xss");
        ComplaintRouted base = routed(id, new Contact(SCRIPT + IMG, email, null), "en", "maintenance");
        ComplaintReceived r = base.complaint();
        ComplaintReceived hostile = new ComplaintReceived(r.eventId(), id, r.at(), r.channel(), r.via(), r.sourceRef(),
                r.contact(), r.residentType(), Place.of(IMG + JS, SCRIPT), SCRIPT + " " + IMG + " " + JS,
                SCRIPT + IMG + JS, r.categoryHint(), "en", r.attachments(), r.details());
        ComplaintRouted routed = new ComplaintRouted(base.eventId(), id, base.at(), hostile, base.classification(),
                base.assignment(), base.links());
        publish(Topics.ROUTED, routed);
        publishState(routed);
        await().atMost(WAIT).until(() -> mailsFor(id).size() == 1);
        publish(Topics.UPDATES, progress(id, SCRIPT + IMG + JS));
        publish(Topics.UPDATES, new InformationRequested(Events.newId(), id, now, staff(), SCRIPT + IMG + JS));
        publish(Topics.ROUTED, rerouted(routed, "cleaning", SCRIPT + IMG + JS));
        publish(Topics.UPDATES, new ComplaintResolved(Events.newId(), id, now, staff(), SCRIPT + IMG + JS));
        await().atMost(WAIT).until(() -> mailsFor(id).size() >= 5);
        for (MimeMessage mail : mailsFor(id)) {
            String html = part(mail, "text/html");
            assertThat(html).as(mail.getSubject()).isNotNull()
                    .doesNotContain("<script", "<img", "href=\"javascript:", "src=\"javascript:");
            assertThat(mail.getSubject()).doesNotContain("\r", "\n");
        }
        assertThat(mailsFor(id).stream().map(m -> part(m, "text/html")))
                .anySatisfy(html -> assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    private static String resign(String payload, String signature) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + signature;
    }

    private HttpResponse<String> get(String host, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String host, String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.hearken.notifier.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.events.Channel;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.Events;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.notifier.NotifierTestSupport;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The resolution mail's link, round trip: mail → page → one click → FeedbackGiven on intake.web. */
class SatisfactionLinkTest extends NotifierTestSupport {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/satisfaction/[A-Za-z0-9_.-]+)");

    @Autowired
    SatisfactionTokens tokens;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theLinkInTheResolutionMailRecordsTheScoreAsFeedback() throws Exception {
        ComplaintId id = acknowledgedComplaint(uniqueAddress("rating"), "zh-CN");
        publish(Topics.UPDATES, new ComplaintResolved(Events.newId(), id, Instant.now(), staff(), "已更换电梯控制板"));
        await().atMost(WAIT).until(() -> mailsFor(id).size() == 2);
        MimeMessage resolution = mailsFor(id).stream().filter(m -> subject(m).contains("处理完毕")).findFirst().orElseThrow();
        assertThat(subject(resolution)).isEqualTo("[" + id + "] 您的投诉已处理完毕");
        String text = part(resolution, "text/plain");
        assertThat(text).contains("已更换电梯控制板", "1 至 5 分");
        assertThat(part(resolution, "text/html")).contains("/satisfaction/");
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("satisfaction link in %s", text).isTrue();
        String path = link.group(1);
        // Signed for this complaint, in the resident's language, valid for satisfaction-valid-for (14 days).
        SatisfactionTokens.Claims claims = tokens.read(path.substring("/satisfaction/".length()));
        assertThat(claims).isNotNull();
        assertThat(claims.complaintId()).isEqualTo(id);
        assertThat(claims.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(claims.expires()).isBetween(Instant.now().plus(Duration.ofDays(13)), Instant.now().plus(Duration.ofDays(14)));

        HttpResponse<String> page = get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("您对处理结果满意吗", id.value(), "score-1", "score-5", "非常满意");

        HttpResponse<String> thanks = post(path, "score=2&comment=" + URLEncoder.encode("还是有异响", StandardCharsets.UTF_8));
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.body()).contains("谢谢", "重新开启");

        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.INTAKE_WEB, id, FeedbackGiven.class))
                .singleElement().satisfies(f -> {
                    assertThat(f.score()).isEqualTo(2);
                    assertThat(f.channel()).isEqualTo(Channel.WEB);
                    assertThat(f.comment()).isEqualTo("还是有异响");
                }));
    }

    @Test
    void anExpiredLinkSaysSoInTheResidentsLanguage() throws Exception {
        String token = tokens.issue(TrackingIds.next(), Instant.now().minusSeconds(60), Locale.ENGLISH, "r1");
        HttpResponse<String> page = get("/satisfaction/" + token);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("This rating link has expired.").doesNotContain("<form");
        assertThat(post("/satisfaction/" + token, "score=5").statusCode()).isEqualTo(410);
    }

    @Test
    void aForgedLinkIsRefusedInBothLanguages() throws Exception {
        String genuine = tokens.issue(TrackingIds.next(), Instant.now().plusSeconds(3600), Locale.ENGLISH, "r1");
        String other = TrackingIds.next().value();
        String payload = new String(Base64.getUrlDecoder().decode(genuine.substring(0, genuine.indexOf('.'))),
                StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (other + payload.substring(12)).getBytes(StandardCharsets.UTF_8)) + genuine.substring(genuine.indexOf('.'));

        for (String token : new String[] {forged, "not-a-token", genuine + "x"}) {
            HttpResponse<String> page = get("/satisfaction/" + token);
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("该评价链接无效", "This rating link is not valid").doesNotContain(other);
            assertThat(post("/satisfaction/" + token, "score=1").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aScoreOutsideOneToFiveIsAskedForAgain() throws Exception {
        String token = tokens.issue(TrackingIds.next(), Instant.now().plusSeconds(3600), Locale.ENGLISH, "r1");
        HttpResponse<String> page = post("/satisfaction/" + token, "score=9");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Please choose a rating from 1 to 5.", "<form");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

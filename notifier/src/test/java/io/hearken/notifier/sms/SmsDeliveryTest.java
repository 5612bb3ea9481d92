package io.hearken.notifier.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hearken.events.Actor;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.NotificationNotSent;
import io.hearken.events.NotificationSent;
import io.hearken.events.ProgressNoted;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.privacy.PersonalData;
import io.hearken.notifier.NotifierTestSupport;
import io.hearken.notifier.SmsGatewayStub;
import io.hearken.notifier.delivery.MailKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Residents with a phone number only, over real Kafka and a real local HTTP gateway (WireMock): one SMS per event
 * however often it comes, the key in a header, the text fitted to one part; 5xx and timeouts retried, 4xx
 * dead-lettered with the reason; an opt-out keyed by the contact hash stops them.
 */
class SmsDeliveryTest extends NotifierTestSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    PersonalData privacy;

    @Test
    void aResidentWithOnlyAPhoneNumberGetsOneSmsPerEventHoweverOftenItComes() {
        String number = SmsGatewayStub.newNumber();
        ComplaintId id = TrackingIds.next();
        ComplaintRouted routing = routed(id, new Contact("王芳", null, spaced(number)), "zh-CN", "cleaning");
        publish(Topics.ROUTED, routing);
        await().atMost(WAIT).until(() -> SMS_GATEWAY.requestsTo(number).size() == 1);

        LoggedRequest request = SMS_GATEWAY.requestsTo(number).get(0);
        assertThat(request.getHeader("X-Api-Key")).isEqualTo(SmsGatewayStub.API_KEY);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        Map<String, Object> sms = body(request);
        String text = (String) sms.get("text");
        assertThat(text).contains(id.value(), "/track?id=" + id.value(), "保洁部");
        assertThat(text.length()).isLessThanOrEqualTo(70);
        assertThat(sms).containsEntry("templateId", "SMS_ACK_001").containsEntry("sender", "Hearken")
                .containsEntry("encoding", "UCS2").containsEntry("parts", 1);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo(sms.get("reference"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationSent.class))
                .singleElement().satisfies(sent -> {
                    assertThat(sent.medium()).isEqualTo("sms");
                    assertThat(sent.kind()).isEqualTo(MailKind.ACKNOWLEDGEMENT.id());
                    assertThat(sent.recipient()).isEqualTo(PersonalData.mask(number));
                    assertThat(sent.messageId()).isEqualTo(sms.get("reference"));
                }));

        // The routing and a note come again (a consumer crash): the gateway hears of each once.
        publish(Topics.ROUTED, routing);
        ProgressNoted note = progress(id, "已安排保洁员今天下午清理。");
        publish(Topics.UPDATES, note);
        publish(Topics.UPDATES, note);
        ProgressNoted marker = progress(id, "marker");
        publish(Topics.UPDATES, marker);
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationSent.class))
                .extracting(NotificationSent::causeEventId)
                .containsExactlyInAnyOrder(routing.eventId(), note.eventId(), marker.eventId()));
        // One request per message: three requests, three different references, each one recorded.
        assertThat(SMS_GATEWAY.requestsTo(number)).extracting(r -> r.getHeader("Idempotency-Key"))
                .containsExactlyInAnyOrderElementsOf(eventsOn(Topics.NOTIFICATIONS, id, NotificationSent.class).stream()
                        .map(NotificationSent::messageId).toList());
        String noteReference = eventsOn(Topics.NOTIFICATIONS, id, NotificationSent.class).stream()
                .filter(sent -> sent.causeEventId().equals(note.eventId())).findFirst().orElseThrow().messageId();
        assertThat(SMS_GATEWAY.requestsTo(number)).filteredOn(r -> noteReference.equals(r.getHeader("Idempotency-Key")))
                .singleElement().satisfies(r -> assertThat((String) body(r).get("text"))
                        .startsWith("投诉" + id + "有新进展： 已安排保洁").endsWith("/track?id=" + id));
        assertThat(mailsFor(id)).isEmpty();
    }

    @Test
    void aResidentWithAnAddressGetsMailAndNoSms() {
        String number = SmsGatewayStub.newNumber();
        ComplaintId id = TrackingIds.next();
        publish(Topics.ROUTED, routed(id, new Contact("Li Lei", uniqueAddress("both"), number), "en", "security"));
        await().atMost(WAIT).until(() -> mailsFor(id).size() == 1);
        assertThat(SMS_GATEWAY.requestsTo(number)).isEmpty();
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationSent.class))
                .singleElement().satisfies(sent -> assertThat(sent.medium()).isEqualTo("email")));
    }

    @Test
    void aGatewayErrorOrTimeoutIsRetriedUntilTheGatewayTakesTheMessage() {
        String number = SmsGatewayStub.newNumber();
        var gateway = SMS_GATEWAY.server();
        gateway.stubFor(SMS_GATEWAY.to(number).inScenario(number).whenScenarioStateIs(STARTED)
                .willReturn(SmsGatewayStub.status(503, "{\"error\":\"busy\"}")).willSetStateTo("slow"));
        // Slower than hearken.notifier.sms.timeout (2 s in the tests).
        gateway.stubFor(SMS_GATEWAY.to(number).inScenario(number).whenScenarioStateIs("slow")
                .willReturn(okJson("{}").withFixedDelay(4_000)).willSetStateTo("up"));
        gateway.stubFor(SMS_GATEWAY.to(number).inScenario(number).whenScenarioStateIs("up").willReturn(okJson("{}")));
        ComplaintId id = TrackingIds.next();
        publish(Topics.ROUTED, routed(id, new Contact(null, null, number), "en", "billing"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationSent.class))
                .singleElement().satisfies(sent -> assertThat(sent.medium()).isEqualTo("sms")));
        await().atMost(WAIT).until(() -> SMS_GATEWAY.requestsTo(number).size() == 3);
        // Every try carried the same reference: a gateway that honours Idempotency-Key sends the slow one once.
        assertThat(SMS_GATEWAY.requestsTo(number)).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(
                eventsOn(Topics.NOTIFICATIONS, id, NotificationSent.class).get(0).messageId());
        assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationNotSent.class)).isEmpty();
    }

    @Test
    void aMessageTheGatewayRefusesIsDeadLetteredWithItsReasonAtOnceAndAReplaySendsItOnceFixed() throws Exception {
        String number = SmsGatewayStub.newNumber();
        StubMapping refusing = SMS_GATEWAY.server().stubFor(SMS_GATEWAY.to(number)
                .willReturn(SmsGatewayStub.status(400, "{\"error\":\"template SMS_ACK_001 not approved for " + number + "\"}")));
        ComplaintId id = TrackingIds.next();
        ComplaintRouted routing = routed(id, new Contact(null, null, number), "zh-CN", "maintenance");
        publish(Topics.ROUTED, routing);

        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationNotSent.class))
                .singleElement().satisfies(notSent -> {
                    assertThat(notSent.reason()).isEqualTo("rejected");
                    assertThat(notSent.kind()).isEqualTo(MailKind.ACKNOWLEDGEMENT.id());
                    assertThat(notSent.detail()).contains("400", "not approved").doesNotContain(number);
                }));
        await().atMost(WAIT).until(() -> send("GET", "/api/v1/notifier/dead-letters", "liu.yang:demo", null).body()
                .contains(id.value()));
        assertThat(SMS_GATEWAY.requestsTo(number)).hasSize(1); // not retried

        SMS_GATEWAY.server().removeStub(refusing);
        assertThat(send("POST", "/api/v1/notifier/dead-letters/replay", "liu.yang:demo", null).statusCode()).isEqualTo(200);
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationSent.class))
                .singleElement().satisfies(sent -> assertThat(sent.medium()).isEqualTo("sms")));
        assertThat(SMS_GATEWAY.requestsTo(number)).hasSize(2);
        assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationNotSent.class)).extracting(NotificationNotSent::reason)
                .containsExactly("rejected"); // no "gave-up" beside it
    }

    @Test
    void aRefusedMessageIsNotSentAgainWhenAnEarlierRecordOfItsPollIsRetried() throws Exception {
        // Two complaints' routings side by side in one partition: the first one's gateway answers slowly with 503
        // twice (retried: the poll comes again from it), the second one's gateway refuses at once while the first
        // still waits, so the refusal is part of a poll that is delivered three times.
        String slowNumber = SmsGatewayStub.newNumber();
        var gateway = SMS_GATEWAY.server();
        gateway.stubFor(SMS_GATEWAY.to(slowNumber).inScenario(slowNumber).whenScenarioStateIs(STARTED)
                .willReturn(SmsGatewayStub.status(503, "{}").withFixedDelay(1_000)).willSetStateTo("again"));
        gateway.stubFor(SMS_GATEWAY.to(slowNumber).inScenario(slowNumber).whenScenarioStateIs("again")
                .willReturn(SmsGatewayStub.status(503, "{}").withFixedDelay(1_000)).willSetStateTo("up"));
        gateway.stubFor(SMS_GATEWAY.to(slowNumber).inScenario(slowNumber).whenScenarioStateIs("up").willReturn(okJson("{}")));
        String refusedNumber = SmsGatewayStub.newNumber();
        gateway.stubFor(SMS_GATEWAY.to(refusedNumber).willReturn(SmsGatewayStub.status(400, "{\"error\":\"blocked\"}")));
        ComplaintId slow = TrackingIds.next();
        ComplaintId refused = TrackingIds.next();
        var first = kafka.send(Topics.ROUTED, 0, slow.value(), routed(slow, new Contact(null, null, slowNumber), "en", "billing"));
        var second = kafka.send(Topics.ROUTED, 0, refused.value(), routed(refused, new Contact(null, null, refusedNumber), "en", "billing"));
        assertThat(second.get(10, TimeUnit.SECONDS).getRecordMetadata().offset())
                .isEqualTo(first.get(10, TimeUnit.SECONDS).getRecordMetadata().offset() + 1);

        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, slow, NotificationSent.class))
                .singleElement().satisfies(sent -> assertThat(sent.medium()).isEqualTo("sms")));
        await().atMost(WAIT).until(() -> send("GET", "/api/v1/notifier/dead-letters", "liu.yang:demo", null).body()
                .contains(refused.value()));
        assertThat(SMS_GATEWAY.requestsTo(slowNumber)).hasSize(3);
        assertThat(SMS_GATEWAY.requestsTo(refusedNumber)).hasSize(1);
        assertThat(eventsOn(Topics.NOTIFICATIONS, refused, NotificationNotSent.class)).extracting(NotificationNotSent::reason)
                .containsExactly("rejected");
    }

    @Test
    void aResidentWhoOptedOutIsNotTextedUntilTheyOptBackIn() throws Exception {
        String number = SmsGatewayStub.newNumber();
        ComplaintId id = TrackingIds.next();
        publish(Topics.ROUTED, routed(id, new Contact("王芳", null, spaced(number)), "zh-CN", "cleaning"));
        await().atMost(WAIT).until(() -> SMS_GATEWAY.requestsTo(number).size() == 1);

        String byComplaint = "{\"complaintId\":\"" + id + "\"}";
        assertThat(send("POST", "/api/v1/notifier/sms/opt-out", null, byComplaint).statusCode()).isEqualTo(401);
        HttpResponse<String> optedOut = send("POST", "/api/v1/notifier/sms/opt-out", "li.wei:demo", byComplaint);
        assertThat(optedOut.statusCode()).isEqualTo(200);
        assertThat(SmsGatewayStub.json(optedOut.body())).containsEntry("contactHash", privacy.hash(number))
                .containsEntry("optedOut", true);
        assertThat(optedOut.body()).doesNotContain(number.substring(3));

        ProgressNoted note = progress(id, "已安排保洁员。");
        publish(Topics.UPDATES, note);
        publish(Topics.UPDATES, note);
        ProgressNoted marker = progress(id, "marker");
        publish(Topics.UPDATES, marker);
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationNotSent.class))
                .extracting(NotificationNotSent::causeEventId, NotificationNotSent::reason).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(note.eventId(), "opted-out"),
                        org.assertj.core.groups.Tuple.tuple(marker.eventId(), "opted-out")));
        assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationNotSent.class))
                .allSatisfy(n -> assertThat(n.detail()).doesNotContain(number));
        assertThat(SMS_GATEWAY.requestsTo(number)).hasSize(1);

        // Asked again by phone with the number in another spelling: the same hash.
        HttpResponse<String> optedIn = send("POST", "/api/v1/notifier/sms/opt-in", "li.wei:demo",
                "{\"phone\":\"+86 " + spaced(number) + "\"}");
        assertThat(SmsGatewayStub.json(optedIn.body())).containsEntry("contactHash", privacy.hash(number))
                .containsEntry("optedOut", false);
        ProgressNoted after = progress(id, "保洁已完成。");
        publish(Topics.UPDATES, after);
        await().atMost(WAIT).until(() -> SMS_GATEWAY.requestsTo(number).size() == 2);
    }

    @Test
    void aStopReplyForwardedByTheGatewayOptsTheNumberOut() throws Exception {
        String number = SmsGatewayStub.newNumber();
        ComplaintId id = TrackingIds.next();
        publish(Topics.ROUTED, routed(id, new Contact(null, null, number), "zh-CN", "security"));
        await().atMost(WAIT).until(() -> SMS_GATEWAY.requestsTo(number).size() == 1);

        String stop = "{\"from\":\"+86" + number + "\",\"text\":\" 退订！\"}";
        assertThat(reply("wrong-key", stop).statusCode()).isEqualTo(401);
        assertThat(reply(null, stop).statusCode()).isEqualTo(401);
        // Not a stop word: left to the office.
        HttpResponse<String> chat = reply("notifier-test-reply-key",
                "{\"from\":\"" + number + "\",\"text\":\"请不要停止维修\"}");
        assertThat(SmsGatewayStub.json(chat.body())).containsEntry("optedOut", false);
        // The reply key opens the reply webhook only.
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/notifier/dead-letters"))
                .header("X-Api-Key", "notifier-test-reply-key").build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isIn(401, 403);

        HttpResponse<String> stopped = reply("notifier-test-reply-key", stop);
        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(SmsGatewayStub.json(stopped.body())).containsEntry("optedOut", true)
                .containsEntry("contactHash", privacy.hash(number));
        ProgressNoted note = progress(id, "巡逻已加强。");
        publish(Topics.UPDATES, note);
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationNotSent.class))
                .singleElement().satisfies(n -> assertThat(n.reason()).isEqualTo("opted-out")));
        assertThat(SMS_GATEWAY.requestsTo(number)).hasSize(1);
    }

    private HttpResponse<String> reply(String key, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/notifier/sms/replies"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLongNoteIsShortenedToOnePartKeepingTheTrackingIdAndTheLink() {
        String zhNumber = SmsGatewayStub.newNumber();
        ComplaintId zh = TrackingIds.next();
        publish(Topics.ROUTED, routed(zh, new Contact(null, null, zhNumber), "zh-CN", "maintenance"));
        publish(Topics.UPDATES, progress(zh, "维修师傅已检查三号楼电梯，".repeat(20)));
        String enNumber = SmsGatewayStub.newNumber();
        ComplaintId en = TrackingIds.next();
        publish(Topics.ROUTED, routed(en, new Contact(null, null, enNumber), "en", "maintenance"));
        publish(Topics.UPDATES, progress(en, "The engineer checked the lift in building 3 and ordered parts. ".repeat(10)));

        await().atMost(WAIT).until(() -> SMS_GATEWAY.requestsTo(zhNumber).size() == 2
                && SMS_GATEWAY.requestsTo(enNumber).size() == 2);
        String zhText = SMS_GATEWAY.messagesTo(zhNumber).get(1).get("text").asString();
        assertThat(zhText).hasSizeLessThanOrEqualTo(70).contains(zh.value(), "/track?id=" + zh.value(), "维修师傅", "…");
        Map<String, Object> enSms = body(SMS_GATEWAY.requestsTo(enNumber).get(1));
        assertThat((String) enSms.get("text")).hasSizeLessThanOrEqualTo(160)
                .contains(en.value(), "/track?id=" + en.value(), "The engineer", "...");
        assertThat(enSms).containsEntry("encoding", "GSM7").containsEntry("parts", 1);
    }

    @Test
    void anEscalationToManagementIsTextedToTheResidentButOneToASupervisorIsNot() {
        String number = SmsGatewayStub.newNumber();
        ComplaintId id = TrackingIds.next();
        publish(Topics.ROUTED, routed(id, new Contact(null, null, number), "en", "maintenance"));
        ComplaintEscalated toSupervisor = new ComplaintEscalated(Events.newId(), id, Instant.now(),
                Actor.system("sla-clock"), ComplaintEscalated.Level.SUPERVISOR, "maintenance", "first breach");
        ComplaintEscalated toManagement = new ComplaintEscalated(Events.newId(), id, Instant.now(),
                Actor.system("sla-clock"), ComplaintEscalated.Level.MANAGEMENT, "maintenance", "second breach");
        publish(Topics.UPDATES, toSupervisor);
        publish(Topics.UPDATES, toManagement);

        await().atMost(WAIT).until(() -> SMS_GATEWAY.requestsTo(number).size() == 2);
        String text = SMS_GATEWAY.messagesTo(number).get(1).get("text").asString();
        assertThat(text).contains(id.value(), "referred to management").doesNotContain("breach");
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationSent.class))
                .extracting(NotificationSent::kind, NotificationSent::medium).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(MailKind.ACKNOWLEDGEMENT.id(), "sms"),
                        org.assertj.core.groups.Tuple.tuple(MailKind.ESCALATION.id(), "email"),
                        org.assertj.core.groups.Tuple.tuple(MailKind.ESCALATION.id(), "email"),
                        org.assertj.core.groups.Tuple.tuple(MailKind.ESCALATED.id(), "sms")));
        assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationSent.class)).filteredOn(s -> s.kind().equals(MailKind.ESCALATED.id()))
                .singleElement().satisfies(s -> assertThat(s.causeEventId())
                        .isEqualTo(MailKind.ESCALATED.residentCause(toManagement.eventId())));
    }

    private static String spaced(String number) {
        return number.substring(0, 3) + " " + number.substring(3, 7) + " " + number.substring(7);
    }

    private static Map<String, Object> body(LoggedRequest request) {
        return SmsGatewayStub.json(request.getBodyAsString());
    }

    private HttpResponse<String> send(String method, String path, String user, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}

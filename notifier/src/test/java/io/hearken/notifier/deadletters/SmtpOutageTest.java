package io.hearken.notifier.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.events.ComplaintId;
import io.hearken.events.Contact;
import io.hearken.events.TrackingIds;
import io.hearken.events.MailThreading;
import io.hearken.events.NotificationNotSent;
import io.hearken.events.NotificationSent;
import io.hearken.events.ProgressNoted;
import io.hearken.events.Topics;
import io.hearken.notifier.NotifierTestSupport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP down: the notifier retries with back-off and the mail goes out once when SMTP is back; if it stays
 * down past the retry budget the event is dead-lettered, recorded as given up, and a replay sends it once.
 * The outage is real: the mail sender is pointed at a closed port, then back at GreenMail.
 */
class SmtpOutageTest extends NotifierTestSupport {

    private static final Duration GIVE_UP_WAIT = Duration.ofSeconds(60);

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void whenSmtpComesBackWithinTheRetriesTheMailGoesOutOnce() {
        ComplaintId id = acknowledgedComplaint(uniqueAddress("outage"), "en");
        int smtpPort = mailSender.getPort();
        double before = failures();
        ProgressNoted note = progress(id, "Sent while SMTP was down.");
        mailSender.setPort(closedPort());
        try {
            publish(Topics.UPDATES, note);
            await().atMost(WAIT).until(() -> failures() >= before + 2); // it tried, and tried again
            assertThat(mailsFor(id)).hasSize(1);
        } finally {
            mailSender.setPort(smtpPort);
        }
        String noteId = MailThreading.messageId(id, note.eventId(), "hearken.local");
        await().atMost(WAIT).until(() -> mailsFor(id).stream().anyMatch(m -> noteId.equals(header(m, "Message-ID"))));
        ProgressNoted marker = progress(id, "After the outage.");
        publish(Topics.UPDATES, marker);
        await().atMost(WAIT).until(() -> mailsFor(id).size() >= 3);

        assertThat(mailsFor(id)).filteredOn(m -> noteId.equals(header(m, "Message-ID"))).hasSize(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationSent.class))
                .filteredOn(s -> s.causeEventId().equals(note.eventId())).hasSize(1));
        assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationNotSent.class)).isEmpty();
    }

    @Test
    void whenSmtpStaysDownTheEventIsDeadLetteredAndAReplaySendsTheMailOnce() throws Exception {
        ComplaintId id = acknowledgedComplaint(uniqueAddress("deadletter"), "zh-CN");
        int smtpPort = mailSender.getPort();
        ProgressNoted note = progress(id, "维修人员明天上午到场。");
        mailSender.setPort(closedPort());
        try {
            publish(Topics.UPDATES, note);
            await().atMost(GIVE_UP_WAIT).untilAsserted(() -> assertThat(
                    eventsOn(Topics.NOTIFICATIONS, id, NotificationNotSent.class)).singleElement().satisfies(n -> {
                        assertThat(n.reason()).isEqualTo("gave-up");
                        assertThat(n.kind()).isEqualTo("progress");
                        assertThat(n.causeEventId()).isEqualTo(note.eventId());
                        assertThat(n.detail()).isNotBlank();
                    }));
            HttpResponse<String> pending = get("/api/v1/notifier/dead-letters");
            assertThat(pending.statusCode()).isEqualTo(200);
            assertThat(pending.body()).contains(id.value(), "ProgressNoted", "complaints.updates");
        } finally {
            mailSender.setPort(smtpPort);
        }
        assertThat(mailsFor(id)).hasSize(1);

        HttpResponse<String> replay = post("/api/v1/notifier/dead-letters/replay");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains(id.value()).contains("\"replayed\":");

        String noteId = MailThreading.messageId(id, note.eventId(), "hearken.local");
        await().atMost(WAIT).until(() -> mailsFor(id).stream().anyMatch(m -> noteId.equals(header(m, "Message-ID"))));
        // A second replay finds nothing new: the first one committed its position.
        assertThat(post("/api/v1/notifier/dead-letters/replay").body()).doesNotContain(id.value());
        ProgressNoted marker = progress(id, "之后的进展");
        publish(Topics.UPDATES, marker);
        await().atMost(WAIT).until(() -> mailsFor(id).size() >= 3);
        assertThat(mailsFor(id)).filteredOn(m -> noteId.equals(header(m, "Message-ID"))).hasSize(1);
        assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationSent.class))
                .filteredOn(s -> s.causeEventId().equals(note.eventId())).hasSize(1);
    }

    @Test
    void anUpdateAboutAComplaintNeverRoutedIsDeadLetteredAndAReplayDeliversItOnceRouted() throws Exception {
        ComplaintId id = TrackingIds.next();
        ProgressNoted early = progress(id, "Ahead of its routing.");
        publish(Topics.UPDATES, early);
        await().atMost(GIVE_UP_WAIT).untilAsserted(() -> assertThat(
                eventsOn(Topics.NOTIFICATIONS, id, NotificationNotSent.class)).singleElement().satisfies(n -> {
                    assertThat(n.reason()).isEqualTo("gave-up");
                    assertThat(n.detail()).contains("no routing seen for " + id);
                }));

        publish(Topics.ROUTED, routed(id, new Contact("Amy", uniqueAddress("late"), null), "en", "cleaning"));
        await().atMost(WAIT).until(() -> mailsFor(id).size() == 1);
        assertThat(post("/api/v1/notifier/dead-letters/replay").body()).contains(id.value());

        String earlyId = MailThreading.messageId(id, early.eventId(), "hearken.local");
        await().atMost(WAIT).until(() -> mailsFor(id).stream().anyMatch(m -> earlyId.equals(header(m, "Message-ID"))));
        assertThat(mailsFor(id)).hasSize(2);
    }

    private double failures() {
        Counter c = meters.find("hearken.notifier.send.failures").counter();
        return c == null ? 0 : c.count();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization",
                MANAGER).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization",
                MANAGER).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The dead letters are a manager's tool (the demo manager). */
    private static final String MANAGER = "Basic " + java.util.Base64.getEncoder().encodeToString("liu.yang:demo".getBytes());
}

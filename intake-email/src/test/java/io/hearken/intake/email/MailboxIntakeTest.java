package io.hearken.intake.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.readmodel.ComplaintLookup;
import io.hearken.readmodel.FreshTrackingIds;
import io.hearken.events.Attachment;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.MailBounced;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.Urgency;
import io.hearken.intake.email.mime.Corpus;
import io.hearken.intake.email.mime.TestMails;
import io.micrometer.core.instrument.MeterRegistry;
import io.hearken.events.kafka.TopicRecords;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import com.icegreen.greenmail.util.GreenMail;
import io.hearken.embedded.EmbeddedMail;
import io.hearken.embedded.EmbeddedServers;
import io.hearken.intake.email.intake.IntakeRestarts;
import io.hearken.intake.email.intake.Outcome;
import io.hearken.intake.email.intake.ReceivingMail;
import io.hearken.intake.email.intake.SeenMessages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The mailbox end to end over the real embedded servers: mail delivered over SMTP to GreenMail, read by the
 * watcher over IMAP, events read back from the real Kafka broker, folders and flags checked over IMAP.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test",
        "hearken.email.poll-interval=300ms", "hearken.email.imap.idle=false", "hearken.email.attachments-dir=target/test-attachments",
        "hearken.email.sender-hourly-limit=3", "hearken.email.max-backoff=4s",
        // The second mailbox has its own connection settings and waits with IDLE (the first one polls).
        "hearken.email.mailboxes[0].imap.host=127.0.0.1", "hearken.email.mailboxes[0].imap.port=${hearken.email.imap.port}",
        "hearken.email.mailboxes[0].imap.idle=true",
        "hearken.email.mailboxes[0].imap.username=" + MailboxIntakeTest.SECOND,
        "hearken.email.mailboxes[0].imap.password=" + MailboxIntakeTest.SECOND})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailboxIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** A second mailbox on the same server (GreenMail: the address is login and password). */
    static final String SECOND = "second@hearken.local";

    @Autowired
    KafkaTemplate<String, ComplaintEvent> kafka;
    @Autowired
    ComplaintLookup lookup;
    @Autowired
    FreshTrackingIds freshIds;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ReceivingMail receiving;
    @Autowired
    KafkaProperties kafkaProperties;
    @Autowired
    EmailIntakeProperties properties;
    @Autowired
    @Qualifier("emailIntake")
    HealthIndicator mailboxHealth;

    @BeforeEach
    void theSecondMailboxExists() {
        GreenMail greenMail = EmbeddedServers.current().mail().greenMail();
        if (greenMail.getUserManager().getUser(SECOND) == null) {
            greenMail.setUser(SECOND, SECOND, SECOND);
        }
    }

    @Test
    void aSecondMailboxIsReadTooAndACopyInBothMailboxesMakesOneComplaint() {
        await().atMost(WAIT).until(() -> mailboxHealth.health().getDetails().get("mailboxes") instanceof Map<?, ?> m
                && m.get(SECOND + "/INBOX") instanceof Map<?, ?> d && "connected".equals(d.get("state")));
        String onlyThere = "<second-" + UUID.randomUUID() + "@example.com>";
        MailServer.deliver(SECOND, TestMails.plain("Wu Hao <wu.hao@example.com>", onlyThere, "Broken bench by the pond",
                "The bench by the pond in the garden is broken."));
        String inBoth = "<both-" + UUID.randomUUID() + "@example.com>";
        byte[] copy = TestMails.plain("Xu Lan <xu.lan@example.com>", inBoth, "Roof of building 7 leaks",
                "The roof of building 7 leaks into the top floor corridor.");
        MailServer.deliver(SECOND, copy);
        MailServer.deliver(copy);

        ComplaintReceived c = awaitComplaint(onlyThere);
        assertThat(c.subject()).isEqualTo("Broken bench by the pond");
        assertThat(c.details()).containsEntry("mailbox", SECOND + "/INBOX");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(MailServer.find(SECOND, SECOND, onlyThere)).isEqualTo(new MailServer.Place("Processed", true, null));
            assertThat(MailServer.find(SECOND, SECOND, inBoth)).isEqualTo(new MailServer.Place("Processed", true, null));
            assertThat(MailServer.find(inBoth)).isEqualTo(new MailServer.Place("Processed", true, null));
        });
        assertThat(records(Topics.INTAKE_EMAIL)).extracting(ConsumerRecord::value)
                .filteredOn(e -> e instanceof ComplaintReceived r && r.sourceRef().equals(inBoth)).hasSize(1);
        assertThat(meters.find("hearken.email.messages").tag("outcome", "duplicate").counter()).isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isGreaterThanOrEqualTo(1));
    }

    @Test
    void anOutlookGbkMailBecomesAComplaintWithItsAttachmentStoredAndIsMovedToProcessedAsSeen() throws Exception {
        MailServer.deliver(Corpus.bytes("outlook-gbk.eml"));
        String messageId = "<000001db3d2a$5e1c7a20$1a556e60$@example.cn>";

        ComplaintReceived c = awaitComplaint(messageId);
        assertThat(c.channel()).isEqualTo(Channel.EMAIL);
        assertThat(c.via()).isEqualTo("imap");
        assertThat(c.subject()).isEqualTo("3号楼电梯困人，王喆报修");
        assertThat(c.description()).contains("住户王喆（1203室）");
        assertThat(c.contact()).isEqualTo(new Contact("王喆", "wangzhe@example.cn", null));
        assertThat(c.language()).isEqualTo("zh-CN");
        assertThat(c.complaintId().value()).matches(ComplaintId.FORMAT);
        assertThat(c.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("电梯维修照片.jpg");
            assertThat(Path.of(URI.create(a.location()))).exists().hasSize(a.size());
        });
        assertThat(records(Topics.INTAKE_EMAIL)).filteredOn(r -> c.equals(r.value())).singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo(c.complaintId().value()));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(MailServer.find(messageId)).isEqualTo(new MailServer.Place("Processed", true, null)));
    }

    @Test
    void appleHtmlOnlyGmailWithPhotoForwardedMislabelledAndEmptyBodyMailsAllBecomeReadableComplaints() {
        for (String name : List.of("apple-html-only.eml", "gmail-photo.eml", "forwarded.eml", "empty-body.eml")) {
            MailServer.deliver(Corpus.bytes(name));
        }
        MailServer.append("INBOX", Corpus.bytes("mislabelled.eml"));
        assertThat(awaitComplaint("<7C7A7E1B-3F0C-4D1B-9B0E-6C1F2A0F1E11@icloud.com>").description())
                .startsWith("Hello,\n\nThe heating in Building 5, unit 402").doesNotContain("<div>", "&nbsp;");
        ComplaintReceived gmail = awaitComplaint("<CAJx8mK3p6gVhZ0=b5aX+3vN_Qf1w@mail.gmail.com>");
        assertThat(gmail.attachments()).extracting(Attachment::fileName).containsExactly("门口.jpg");
        assertThat(gmail.contact().name()).isEqualTo("李娜");
        ComplaintReceived forwarded = awaitComplaint("<fwd-20261123-1200@example.com>");
        assertThat(forwarded.description()).contains("大廳的燈壞了一個星期");
        assertThat(forwarded.details()).containsEntry("forwarded", "true");
        ComplaintReceived mislabelled = awaitComplaint("<mislabelled-1@example.com>");
        // The raw 8-bit GBK subject is repaired in MailReaderTest; GreenMail itself stores headers as UTF-8
        // (mail.mime.allowutf8), which turns those bytes into U+FFFD before we see them. Real servers keep them.
        assertThat(mislabelled.description()).startsWith("楼上1502每天晚上11点以后还在装修");
        ComplaintReceived empty = awaitComplaint("<empty-body-1@example.com>");
        assertThat(empty.subject()).isEqualTo("6栋楼道灯坏了");
        assertThat(empty.description()).isEqualTo("6栋楼道灯坏了");
    }

    @Test
    void aReplyToOurAcknowledgementIsAFollowUpOnThatComplaintWithoutTheQuotedHistory() {
        routed(ComplaintId.of("HK-7K2M-9QXD"), "wangzhe@example.cn"); // the corpus mail's sender is the contact
        await().atMost(WAIT).until(() -> lookup.find(ComplaintId.of("HK-7K2M-9QXD")).isPresent());
        MailServer.deliver(Corpus.bytes("reply-to-ack.eml"));

        FollowUpReceived f = await().atMost(WAIT).until(() -> followUp("<tencent_7F3A9C1E2B@qq.com>"), java.util.Objects::nonNull);
        assertThat(f.complaintId()).isEqualTo(ComplaintId.of("HK-7K2M-9QXD"));
        assertThat(f.matchedBy()).isEqualTo("thread-headers");
        assertThat(f.text()).isEqualTo("谢谢回复。补充一下：电梯今天下午又停了一次，还是在8楼。");
        assertThat(records(Topics.INTAKE_EMAIL)).filteredOn(r -> f.equals(r.value())).singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo("HK-7K2M-9QXD"));
    }

    @Test
    void aTrackingIdInTheSubjectIsAFollowUpOnlyFromTheComplaintsOwnContact() {
        ComplaintId id = TrackingIds.next();
        routed(id, "owner@example.com");
        await().atMost(WAIT).until(() -> lookup.find(id).isPresent());

        String fromOwner = "<" + UUID.randomUUID() + "@example.com>";
        MailServer.deliver(TestMails.plain("Owner <Owner@Example.com>", fromOwner, "Re: [" + id + "] water leak",
                "It is leaking again, worse than before.\n\nOn Mon, 23 Nov 2026 Hearken wrote:\n> We received it."));
        String fromStranger = "<" + UUID.randomUUID() + "@example.com>";
        MailServer.deliver(TestMails.plain("Someone Else <someone@example.org>", fromStranger, "[" + id + "] my complaint",
                "The parking gate is broken."));

        FollowUpReceived f = await().atMost(WAIT).until(() -> followUp(fromOwner), java.util.Objects::nonNull);
        assertThat(f.complaintId()).isEqualTo(id);
        assertThat(f.matchedBy()).isEqualTo("tracking-id-and-sender");
        assertThat(f.text()).isEqualTo("It is leaking again, worse than before.");
        ComplaintReceived stranger = awaitComplaint(fromStranger);
        assertThat(stranger.complaintId()).isNotEqualTo(id);
        assertThat(stranger.details()).containsEntry("mentionsTrackingId", id.value());
    }

    @Test
    void outOfOfficeOwnMailAndBouncesAreSkippedAndAPermanentBounceIsReported() {
        MailServer.deliver(Corpus.bytes("out-of-office.eml"));
        MailServer.deliver(Corpus.bytes("own-mail.eml"));
        MailServer.deliver(Corpus.bytes("bounce.eml"));

        MailBounced bounce = await().atMost(WAIT).until(() -> records(Topics.NOTIFICATIONS).stream()
                .map(ConsumerRecord::value).filter(MailBounced.class::isInstance).map(MailBounced.class::cast)
                .filter(b -> "no.such.person@example.net".equals(b.address())).findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(bounce.permanent()).isTrue();
        assertThat(bounce.status()).isEqualTo("5.1.1");
        assertThat(bounce.complaintId()).isEqualTo(ComplaintId.of("HK-7K2M-9QXD"));
        assertThat(records(Topics.NOTIFICATIONS)).filteredOn(r -> bounce.equals(r.value())).singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo("HK-7K2M-9QXD"));

        for (String id : List.of("<ooo-4711@example.com>", "<HK-7K2M-9QXD.9a8b7c@hearken.local>",
                "<20261123012005.3C1F2A0F1E@mx.example.net>")) {
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(MailServer.find(id)).isEqualTo(new MailServer.Place("Processed", true, null)));
        }
        assertThat(records(Topics.INTAKE_EMAIL)).extracting(ConsumerRecord::value)
                .noneMatch(e -> e instanceof ComplaintReceived r && List.of("<ooo-4711@example.com>",
                        "<HK-7K2M-9QXD.9a8b7c@hearken.local>", "<20261123012005.3C1F2A0F1E@mx.example.net>").contains(r.sourceRef()))
                .noneMatch(e -> e instanceof FollowUpReceived r && r.sourceRef().equals("<ooo-4711@example.com>"));
        assertThat(skipped("auto-reply")).isGreaterThanOrEqualTo(1);
        assertThat(skipped("own-mail")).isGreaterThanOrEqualTo(1);
        assertThat(skipped("bounce")).isGreaterThanOrEqualTo(1);
    }

    /**
     * Our thread Message-IDs are built from the public tracking id, so anyone can forge a "reply": from an address
     * that is not the complaint's contact it never joins the complaint; it waits in quarantine for a person.
     */
    @Test
    void aReplyInOurThreadFromAnotherAddressIsQuarantinedNotAddedToTheComplaint() {
        ComplaintId id = TrackingIds.next();
        routed(id, "resident@example.com");
        await().atMost(WAIT).until(() -> lookup.find(id).isPresent());

        String forged = "<" + UUID.randomUUID() + "@example.org>";
        String root = io.hearken.events.MailThreading.rootMessageId(id, "hearken.local");
        MailServer.deliver(TestMails.plain("Mallory <mallory@example.org>", forged, "Re: your complaint " + id,
                "Please send the refund to my account instead.", "In-Reply-To: " + root, "References: " + root));

        await().atMost(WAIT).untilAsserted(() -> {
            MailServer.Place place = MailServer.find(forged);
            assertThat(place).isNotNull();
            assertThat(place.folder()).isEqualTo("Quarantine");
            assertThat(place.quarantineReason()).contains("not the complaint's contact");
        });
        assertThat(records(Topics.INTAKE_EMAIL)).extracting(ConsumerRecord::value)
                .noneMatch(e -> e instanceof FollowUpReceived f && forged.equals(f.sourceRef()))
                .noneMatch(e -> e instanceof ComplaintReceived r && forged.equals(r.sourceRef()));
    }

    /** A text bigger than Kafka takes in one record used to retry for ever; now it is cut, and the complaint goes on. */
    @Test
    void aMailWhoseTextIsBiggerThanAKafkaRecordBecomesAComplaintWithTheTextCut() {
        String huge = "楼上每天夜里装修，噪音很大。".repeat(30_000); // ~1.2 MB in UTF-8
        String messageId = "<" + UUID.randomUUID() + "@example.com>";
        MailServer.deliver(TestMails.plain("Neighbour <neighbour@example.com>", messageId, "噪音", huge));

        ComplaintReceived c = awaitComplaint(messageId);
        assertThat(c.description()).startsWith("楼上每天夜里装修").contains("text cut");
        assertThat(c.description().length()).isLessThan(ReceivingMail.MAX_TEXT + 200);
        await().atMost(WAIT).untilAsserted(() -> assertThat(MailServer.find(messageId).folder()).isEqualTo("Processed"));
    }

    @Test
    void aMalformedSenderIsQuarantinedWithTheReasonAndDeadLettered() {
        MailServer.deliver(Corpus.bytes("malformed-from.eml"));

        await().atMost(WAIT).untilAsserted(() -> {
            MailServer.Place place = MailServer.find("<broken-1@example.org>");
            assertThat(place).isNotNull();
            assertThat(place.folder()).isEqualTo("Quarantine");
            assertThat(place.quarantineReason()).contains("no sender address");
        });
        assertThat(TopicRecords.strings("intake.email-dlt")).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo("<broken-1@example.org>");
            assertThat(r.value()).contains("no sender address");
            assertThat(new String(r.headers().lastHeader("hearken-quarantine-reason").value())).contains("no sender address");
        });
        assertThat(records(Topics.INTAKE_EMAIL)).extracting(ConsumerRecord::value)
                .noneMatch(e -> e instanceof ComplaintReceived r && r.sourceRef().equals("<broken-1@example.org>"));
    }

    @Test
    void aTwentyMegabyteMailIsAComplaintWhoseOversizedAttachmentIsNamedButNotKept() {
        String messageId = "<big-" + UUID.randomUUID() + "@example.com>";
        MailServer.deliver(TestMails.withAttachment("Sun Li <sun.li@example.com>", messageId, "Video of the flooded garage",
                "The garage floods every time it rains, see the video.", "garage.mp4", 15 * 1024 * 1024));

        ComplaintReceived c = awaitComplaint(messageId);
        assertThat(c.attachments()).isEmpty();
        assertThat(c.details().get("notes")).contains("garage.mp4", "15.0 MB", "over the 10.0 MB limit");
        assertThat(c.description()).isEqualTo("The garage floods every time it rains, see the video.");
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(MailServer.find(messageId)).isEqualTo(new MailServer.Place("Processed", true, null)));
    }

    @Test
    void aSenderOverTheHourlyLimitOpensNoMoreComplaints() {
        String[] ids = new String[5];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "<flood-" + i + "-" + UUID.randomUUID() + "@example.com>";
            MailServer.deliver(TestMails.plain("flood@example.com", ids[i], "Complaint number " + i, "Text " + i));
        }
        for (String id : ids) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(MailServer.find(id).folder()).isEqualTo("Processed"));
        }
        assertThat(records(Topics.INTAKE_EMAIL)).extracting(ConsumerRecord::value)
                .filteredOn(e -> e instanceof ComplaintReceived r && r.contact().email().equals("flood@example.com"))
                .hasSize(3);
        assertThat(skipped("rate-limited")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aMailPublishedButNotMovedBeforeACrashMakesNoSecondComplaintAfterARestartOrWhenItArrivesAgain() throws Exception {
        String messageId = "<crash-" + UUID.randomUUID() + "@example.com>";
        byte[] raw = TestMails.plain("Gao Fei <gao.fei@example.com>", messageId, "Broken window in the lobby",
                "The lobby window on the ground floor is cracked.");
        // Read, published, acknowledged by Kafka — then the process died before flagging and moving the mail.
        Outcome first = receiving.handle(Corpus.parse(raw), raw.length, "INBOX").get();
        assertThat(first.kind()).isEqualTo(Outcome.Kind.COMPLAINT);

        // The restarted process reads its seen-store back from Kafka and sees the mail again.
        SeenMessages restarted = IntakeRestarts.freshStore(kafkaProperties, properties);
        ReceivingMail afterRestart = IntakeRestarts.freshIntake(restarted, properties, kafka, lookup, freshIds, meters, "email-test-secret");
        Outcome again = afterRestart.handle(Corpus.parse(raw), raw.length, "INBOX").get();
        assertThat(again.kind()).isEqualTo(Outcome.Kind.DUPLICATE);

        // The server redelivers it (or a copy sits in the inbox): flagged and moved, still one complaint.
        MailServer.deliver(raw);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(MailServer.find(messageId)).isEqualTo(new MailServer.Place("Processed", true, null)));
        assertThat(records(Topics.INTAKE_EMAIL)).extracting(ConsumerRecord::value)
                .filteredOn(e -> e instanceof ComplaintReceived r && r.sourceRef().equals(messageId))
                .singleElement().satisfies(e -> assertThat(((ComplaintReceived) e).complaintId()).isEqualTo(first.complaintId()));
    }

    @Test
    void aCrashBetweenReservingTheIdAndPublishingRepublishesTheSameComplaint() throws Exception {
        String messageId = "<pending-" + UUID.randomUUID() + "@example.com>";
        byte[] raw = TestMails.plain("Hu Jun <hu.jun@example.com>", messageId, "Noise from the pump room",
                "The pump room hums all night.");
        var mail = new io.hearken.intake.email.mime.MailReader(1024 * 1024).read(Corpus.parse(raw));
        String key = IntakeRestarts.dedupeKey(mail);
        ComplaintId reserved = TrackingIds.next();
        SeenMessages store = IntakeRestarts.freshStore(kafkaProperties, properties);
        // What the first run wrote before it died: the id it was about to publish under.
        store.put(key, new SeenMessages.Entry(false, reserved.value(), Events.idFrom("email", key))).get();

        Outcome outcome = IntakeRestarts.freshIntake(store, properties, kafka, lookup, freshIds, meters, "email-test-secret")
                .handle(Corpus.parse(raw), raw.length, "INBOX").get();

        assertThat(outcome.complaintId()).isEqualTo(reserved);
        ComplaintReceived c = complaint(messageId);
        assertThat(c.complaintId()).isEqualTo(reserved);
        assertThat(c.eventId()).isEqualTo(Events.idFrom("email", key));
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: it restarts the shared mail server
    void theWatcherReconnectsAfterTheMailServerWasAwayAndReadsWhatArrivedMeanwhileLoggingItOnce() {
        ch.qos.logback.classic.Logger watcherLog = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger("io.hearken.intake.email.mailbox.MailboxWatcher");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        ch.qos.logback.classic.Level level = watcherLog.getLevel();
        watcherLog.setLevel(ch.qos.logback.classic.Level.DEBUG);
        watcherLog.addAppender(logged);
        try {
            reconnectsAfterAnOutage(logged);
        } finally {
            watcherLog.detachAppender(logged);
            watcherLog.setLevel(level);
        }
    }

    private void reconnectsAfterAnOutage(ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged) {
        GreenMail greenMail = EmbeddedServers.current().mail().greenMail();
        greenMail.stop();
        await().atMost(WAIT).until(() -> mailboxHealth.health().getStatus().equals(Status.DOWN));
        // Several attempts fail (each only at debug level) while the warning is written once.
        await().atMost(WAIT).until(() -> logs(logged, ch.qos.logback.classic.Level.DEBUG, "still unreachable") >= 3);
        assertThat(logs(logged, ch.qos.logback.classic.Level.WARN, "unreachable")).isEqualTo(1);
        assertThat(logs(logged, ch.qos.logback.classic.Level.WARN, "")).isEqualTo(1);
        // Back-off: 1 s, then doubled up to hearken.email.max-backoff (4 s here).
        List<String> delays;
        synchronized (logged) {
            delays = logged.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.startsWith("IMAP mailbox " + EmbeddedMail.COMPLAINTS_ADDRESS + "@") && m.contains("next attempt in"))
                    .map(m -> m.replaceAll("(?s).*next attempt in (\\d+) ms.*", "$1")).limit(4).toList();
        }
        assertThat(delays).containsExactly("1000", "2000", "4000", "4000");

        greenMail.start();
        if (greenMail.getUserManager().getUser(EmbeddedMail.COMPLAINTS_ADDRESS) == null) {
            greenMail.setUser(EmbeddedMail.COMPLAINTS_ADDRESS, EmbeddedMail.COMPLAINTS_ADDRESS, EmbeddedMail.COMPLAINTS_PASSWORD);
        }
        theSecondMailboxExists();
        String messageId = "<after-outage-" + UUID.randomUUID() + "@example.com>";
        MailServer.deliver(TestMails.plain("Ma Li <ma.li@example.com>", messageId, "Door lock broken",
                "The entrance door lock of building 2 is broken."));

        assertThat(awaitComplaint(messageId).subject()).isEqualTo("Door lock broken");
        await().atMost(WAIT).until(() -> mailboxHealth.health().getStatus().equals(Status.UP));
        assertThat(logs(logged, ch.qos.logback.classic.Level.WARN, "unreachable")).isEqualTo(1);
        assertThat(logs(logged, ch.qos.logback.classic.Level.INFO, "is back after")).isEqualTo(1);
    }

    private static long logs(ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged,
            ch.qos.logback.classic.Level level, String text) {
        synchronized (logged) { // AppenderBase appends under this lock
            return List.copyOf(logged.list).stream()
                    .filter(e -> e.getLevel() == level && e.getFormattedMessage().contains(text))
                    .filter(e -> e.getFormattedMessage().contains(EmbeddedMail.COMPLAINTS_ADDRESS + "@")).count();
        }
    }

    // ---- helpers ----

    private ComplaintReceived awaitComplaint(String messageId) {
        return await().atMost(WAIT).until(() -> complaint(messageId), java.util.Objects::nonNull);
    }

    static ComplaintReceived complaint(String messageId) {
        List<ComplaintReceived> found = records(Topics.INTAKE_EMAIL).stream().map(ConsumerRecord::value)
                .filter(ComplaintReceived.class::isInstance).map(ComplaintReceived.class::cast)
                .filter(c -> messageId.equals(c.sourceRef())).toList();
        assertThat(found).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0);
    }

    static FollowUpReceived followUp(String messageId) {
        return records(Topics.INTAKE_EMAIL).stream().map(ConsumerRecord::value).filter(FollowUpReceived.class::isInstance)
                .map(FollowUpReceived.class::cast).filter(c -> messageId.equals(c.sourceRef())).findFirst().orElse(null);
    }

    static List<ConsumerRecord<String, ComplaintEvent>> records(String topic) {
        return TopicRecords.events(topic);
    }

    private double skipped(String reason) {
        var counter = meters.find("hearken.email.messages").tag("outcome", "skipped").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private void routed(ComplaintId id, String email) {
        Instant now = Instant.now();
        ComplaintReceived received = new ComplaintReceived(Events.newId(), id, now, Channel.EMAIL, "imap", "<x@y>",
                new Contact("Owner", email, null), null, null, "Water leak", "Water leaking from the ceiling", null, "en",
                List.of(), Map.of());
        kafka.send(Topics.ROUTED, id.value(), new ComplaintRouted(Events.newId(), id, now, received,
                new ComplaintRouted.Classification("plumbing", Urgency.NORMAL, 0.9, false, List.of(), List.of()),
                new ComplaintRouted.Assignment("maintenance", 3, List.of(), null, null, null, null),
                ComplaintRouted.Links.none())).join();
    }

}

package io.hearken.notifier.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.events.ComplaintId;
import io.hearken.events.Events;
import io.hearken.events.MailBounced;
import io.hearken.events.NotificationSent;
import io.hearken.events.ProgressNoted;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.store.LocalStateProperties;
import io.hearken.notifier.NotifierTestSupport;
import io.hearken.notifier.complaints.ComplaintDirectory;
import io.hearken.notifier.delivery.MailKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What a restarted notifier knows: a fresh ledger and a fresh directory (as after a restart, nothing in
 * memory) read the real topics back and know every mail sent, every bounce and every complaint; after a clean stop
 * they read on from where they stopped, and know the same.
 */
class RestartSurvivalTest extends NotifierTestSupport {

    @Test
    void aFreshLedgerAndDirectoryRebuildFromKafka() {
        String email = uniqueAddress("restart");
        ComplaintId id = acknowledgedComplaint(email, "en");
        ProgressNoted note = progress(id, "Before the restart.");
        publish(Topics.UPDATES, note);
        await().atMost(WAIT).until(() -> eventsOn(Topics.NOTIFICATIONS, id, NotificationSent.class).size() == 2);
        String bounced = uniqueAddress("bounced");
        publish(Topics.NOTIFICATIONS, new MailBounced(Events.newId(), TrackingIds.next(), Instant.now(), bounced,
                null, true, "5.1.1", "no such user"));
        publish(Topics.NOTIFICATIONS, new MailBounced(Events.newId(), TrackingIds.next(), Instant.now(),
                "soft@example.com", null, false, "4.2.2", "mailbox full"));

        NotificationLedger ledger = new NotificationLedger(consumers, local(), privacy);
        ComplaintDirectory directory = freshDirectory();
        ledger.start();
        directory.start();
        try {
            assertThat(ledger.awaitLoaded(Duration.ofSeconds(30))).isTrue();
            assertThat(directory.awaitLoaded(Duration.ofSeconds(30))).isTrue();
            assertThat(ledger.isAnswered(note.eventId(), MailKind.PROGRESS.id())).isTrue();
            assertThat(ledger.isAnswered(note.eventId(), MailKind.RESOLUTION.id())).isFalse();
            assertThat(ledger.isAnswered(firstRouting.get(id).eventId(), MailKind.ACKNOWLEDGEMENT.id())).isTrue();
            await().atMost(WAIT).until(() -> ledger.hasBounced(bounced));
            assertThat(ledger.hasBounced("soft@example.com")).isFalse();
            assertThat(directory.find(id)).hasValueSatisfying(facts -> {
                assertThat(facts.contact().email()).isEqualTo(email);
                assertThat(facts.language()).isEqualTo("en");
                assertThat(facts.department()).isEqualTo("maintenance");
            });
        } finally {
            ledger.stop();
            ledger.close();
            directory.stop();
            directory.close();
        }
    }

    @Test
    void aRecordAnotherInstanceJustWroteIsKnownOnceTheLedgerHasCaughtUpToNow() {
        NotificationLedger ledger = new NotificationLedger(consumers, local(), privacy);
        ledger.start();
        try {
            assertThat(ledger.awaitLoaded(WAIT)).isTrue();
            ComplaintId id = TrackingIds.next();
            for (int i = 0; i < 5; i++) {
                String cause = Events.newId();
                // As another instance writes it just before it stops (this ledger never noted it itself).
                publish(Topics.NOTIFICATIONS, new NotificationSent(Events.newId(), id, Instant.now(), MailKind.PROGRESS.id(),
                        "email", "a***@example.com", "<" + id + "." + i + "@hearken.local>", cause));
                assertThat(ledger.awaitCurrent(WAIT)).isTrue();
                assertThat(ledger.isAnswered(cause, MailKind.PROGRESS.id())).as("record %d", i).isTrue();
            }
        } finally {
            ledger.stop();
            ledger.close();
        }
    }

    @Test
    void aCleanlyStoppedLedgerAndDirectoryReadOnFromWhereTheyStoppedAndForgetNothing() {
        ComplaintId id = acknowledgedComplaint(uniqueAddress("kept"), "zh-CN");
        String bounced = uniqueAddress("kept-bounce");
        publish(Topics.NOTIFICATIONS, new MailBounced(Events.newId(), id, Instant.now(), bounced, null, true, "5.1.1",
                "no such user"));
        for (int i = 0; i < 50; i++) {
            publish(Topics.NOTIFICATIONS, sent(id, Events.newId()));
        }
        for (int i = 0; i < 20; i++) {
            publishState(firstRouting.get(id)); // records enough that reading them all again would show
        }
        NotificationLedger ledger = new NotificationLedger(consumers, local(), privacy);
        ComplaintDirectory directory = freshDirectory();
        ledger.start();
        directory.start();
        long ledgerRead;
        long directoryRead;
        try {
            assertThat(ledger.awaitLoaded(WAIT)).isTrue();
            assertThat(directory.awaitLoaded(WAIT)).isTrue();
            await().atMost(WAIT).until(() -> ledger.hasBounced(bounced) && directory.knows(id));
            ledgerRead = ledger.progress().total();
            directoryRead = directory.progress().total();
            assertThat(ledgerRead).isGreaterThanOrEqualTo(51);
            assertThat(directoryRead).isGreaterThanOrEqualTo(20);
        } finally {
            ledger.stop();
            ledger.close();
            directory.stop();
            directory.close();
        }
        String whileStopped = Events.newId(); // another instance mails while this one is stopped
        publish(Topics.NOTIFICATIONS, sent(id, whileStopped));

        NotificationLedger again = new NotificationLedger(consumers, local(), privacy);
        ComplaintDirectory directoryAgain = freshDirectory();
        again.start();
        directoryAgain.start();
        try {
            assertThat(again.awaitLoaded(WAIT)).isTrue();
            assertThat(directoryAgain.awaitLoaded(WAIT)).isTrue();
            // Read on: only what came since, not the whole topic again.
            assertThat(again.progress().total()).isLessThan(ledgerRead - 40);
            assertThat(directoryAgain.progress().total()).isLessThan(directoryRead - 15);
            assertThat(again.isAnswered(whileStopped, MailKind.PROGRESS.id())).isTrue();
            // Known from the kept store, not read again: the bounce (its contact hash) and the complaint's facts.
            assertThat(again.hasBounced(bounced)).isTrue();
            assertThat(directoryAgain.find(id)).hasValueSatisfying(facts ->
                    assertThat(facts.department()).isEqualTo("maintenance"));
        } finally {
            again.stop();
            again.close();
            directoryAgain.stop();
            directoryAgain.close();
        }
    }

    private static NotificationSent sent(ComplaintId id, String cause) {
        return new NotificationSent(Events.newId(), id, Instant.now(), MailKind.PROGRESS.id(), "email",
                "a***@example.com", "<" + cause + "@hearken.local>", cause);
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path localState;

    /** This test's own folder: a store kept by another test (or run) is not read on from. */
    private LocalStateProperties local() {
        return new LocalStateProperties(localState, null, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.hearken.events.privacy.Sealing sealing;
    @org.springframework.beans.factory.annotation.Autowired
    io.hearken.events.privacy.PersonalData privacy;

    private ComplaintDirectory freshDirectory() {
        try {
            var constructor = ComplaintDirectory.class.getDeclaredConstructor(
                    org.springframework.kafka.core.ConsumerFactory.class, io.hearken.events.privacy.Sealing.class,
                    io.hearken.events.store.LocalStateProperties.class);
            constructor.setAccessible(true);
            return constructor.newInstance(consumers, sealing, local());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

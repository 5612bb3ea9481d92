package io.hearken.notifier.notifying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.embedded.EmbeddedServers;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Contact;
import io.hearken.events.NotificationNotSent;
import io.hearken.events.NotificationSent;
import io.hearken.events.ProgressNoted;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.kafka.TopicRecords;
import io.hearken.notifier.NotifierTestSupport;
import io.hearken.notifier.NotifierTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail listener takes a poll at a time and sends many complaints' notices at once ({@link NotifyingOnBatch}):
 * still one mail per event, a complaint's mails in the order of its events, and a failing record dead-lettered on
 * its own while the others of its poll are mailed once. Events go to one partition, so they share polls.
 */
class ParallelSendingTest extends NotifierTestSupport {

    private static final Duration DEAD_LETTER_WAIT = Duration.ofSeconds(120);

    @Test
    void manyComplaintsInOnePollGetOneAcknowledgementEachAndOneComplaintsMailsKeepTheOrderOfItsEvents() {
        int partition = 0;
        List<ComplaintRouted> routings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ComplaintId id = complaintOnPartition(partition);
            routings.add(routed(id, new Contact("Resident " + i, uniqueAddress("batch"), null), "en", "maintenance"));
        }
        ComplaintId chatty = routings.get(7).complaintId();
        List<ProgressNoted> notes = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            notes.add(progress(chatty, "Step " + i));
        }
        List<ProducerRecord<String, ComplaintEvent>> records = new ArrayList<>();
        routings.forEach(r -> records.add(new ProducerRecord<>(Topics.ROUTED, r.complaintId().value(), r)));
        notes.forEach(n -> records.add(new ProducerRecord<>(Topics.UPDATES, chatty.value(), n)));
        publishTogether(records);

        await().atMost(WAIT.multipliedBy(2)).until(() -> routings.stream().allMatch(r -> !mailsFor(r.complaintId()).isEmpty())
                && mailsFor(chatty).size() == 1 + notes.size());
        for (ComplaintRouted r : routings) {
            if (!r.complaintId().equals(chatty)) {
                assertThat(mailsFor(r.complaintId())).as("mails about %s", r.complaintId()).hasSize(1);
            }
        }
        // The ledger records each mail right after SMTP took it, keyed by the complaint: its order is the send order.
        // (The routing is on another topic, maybe written in the same millisecond as the first note: its place among
        // them is not asserted; EventOrderTest has the merge by timestamp.)
        List<String> noteIds = notes.stream().map(ProgressNoted::eventId).toList();
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, chatty, NotificationSent.class))
                .extracting(NotificationSent::causeEventId).filteredOn(noteIds::contains).containsExactlyElementsOf(noteIds));
        assertThat(eventsOn(Topics.NOTIFICATIONS, chatty, NotificationSent.class)).extracting(NotificationSent::causeEventId)
                .containsOnlyOnce(routings.get(7).eventId());
        List<String> noteMails = mailsFor(chatty).stream().map(m -> part(m, "text/plain"))
                .filter(body -> body.contains("Step ")).toList();
        assertThat(noteMails).hasSize(notes.size());
        for (int i = 0; i < noteMails.size(); i++) {
            assertThat(noteMails.get(i)).as("note mail %d", i).contains("Step " + (i + 1));
        }
    }

    @Test
    void anUnreadableRecordAndAStrayEventInThePollAreDeadLetteredAndEveryOtherEventIsMailedOnce() {
        int partition = 1;
        List<ComplaintId> complaints = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ComplaintId id = complaintOnPartition(partition);
            ComplaintRouted routing = routed(id, new Contact("Resident " + i, uniqueAddress("poison"), null), "en", "cleaning");
            publish(Topics.ROUTED, routing);
            complaints.add(id);
        }
        await().atMost(WAIT).until(() -> complaints.stream().allMatch(id -> mailsFor(id).size() == 1));

        List<ProgressNoted> notes = complaints.stream().map(id -> progress(id, "Cleaned the stairs.")).toList();
        ComplaintId stray = complaintOnPartition(partition); // never routed: no one to mail
        ProgressNoted strayNote = progress(stray, "About a complaint this notifier never saw.");
        String poisonKey = complaintOnPartition(partition).value();
        byte[] poison = "{not an event".getBytes(StandardCharsets.UTF_8);
        List<ProducerRecord<String, ComplaintEvent>> first = new ArrayList<>();
        List<ProducerRecord<String, ComplaintEvent>> after = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            (i < 5 ? first : after).add(new ProducerRecord<>(Topics.UPDATES, notes.get(i).complaintId().value(), notes.get(i)));
        }
        publishTogether(first);
        publishRaw(new ProducerRecord<>(Topics.UPDATES, partition, poisonKey, poison));
        after.add(0, new ProducerRecord<>(Topics.UPDATES, stray.value(), strayNote));
        publishTogether(after);

        await().atMost(WAIT.multipliedBy(2)).until(() -> complaints.stream().allMatch(id -> mailsFor(id).size() == 2));
        // The stray event is retried for ~20 s before it is given up; the events behind it did not wait for that.
        assertThat(eventsOn(Topics.NOTIFICATIONS, stray, NotificationNotSent.class)).isEmpty();

        await().atMost(DEAD_LETTER_WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, stray,
                NotificationNotSent.class)).singleElement().satisfies(n -> {
                    assertThat(n.reason()).isEqualTo("gave-up");
                    assertThat(n.causeEventId()).isEqualTo(strayNote.eventId());
                }));
        List<ConsumerRecord<String, byte[]>> deadLetters = TopicRecords.read(
                EmbeddedServers.current().kafka().bootstrapServers(), NotifierTopics.DEAD_LETTERS, new ByteArrayDeserializer());
        assertThat(deadLetters).filteredOn(r -> poisonKey.equals(r.key())).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo(poison)); // its original bytes
        assertThat(deadLetters).filteredOn(r -> stray.value().equals(r.key())).hasSize(1);
        for (int i = 0; i < complaints.size(); i++) {
            ComplaintId id = complaints.get(i);
            String cause = notes.get(i).eventId();
            assertThat(mailsFor(id)).as("mails about %s", id).hasSize(2);
            assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationSent.class))
                    .filteredOn(s -> s.causeEventId().equals(cause)).hasSize(1);
            assertThat(deadLetters).noneMatch(r -> id.value().equals(r.key()));
        }
    }

    @Autowired
    JavaMailSenderImpl mailSender;

    /**
     * A mail server that answers slowly (each answer held until 4 mails wait for one, or 1 s; the tests' SMTP read
     * timeout is 3 s): the complaints of one partition, which a listener thread once mailed one by one, have several
     * mails in flight at once.
     */
    @Test
    void aSlowMailServerHasSeveralMailsOfOnePartitionInFlightAtOnce() throws Exception {
        int smtpPort = mailSender.getPort();
        try (HoldingSmtpProxy slow = new HoldingSmtpProxy(mailSender.getHost(), smtpPort, 4, Duration.ofSeconds(1))) {
            List<ComplaintRouted> routings = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ComplaintId id = complaintOnPartition(2);
                routings.add(routed(id, new Contact("Resident " + i, uniqueAddress("slow"), null), "en", "security"));
            }
            mailSender.setPort(slow.port());
            try {
                publishTogether(routings.stream().map(r -> new ProducerRecord<String, ComplaintEvent>(Topics.ROUTED,
                        r.complaintId().value(), r)).toList());
                await().atMost(WAIT.multipliedBy(3)).until(() -> routings.stream()
                        .allMatch(r -> mailsFor(r.complaintId()).size() == 1));
            } finally {
                mailSender.setPort(smtpPort);
            }
            // One thread per partition (the listener before) never has more than one of these in flight.
            assertThat(slow.mostHeldAtOnce()).isGreaterThanOrEqualTo(4);
        }
    }

    /** A new tracking id whose events Kafka's partitioner puts on {@code partition} of the complaint topics. */
    private ComplaintId complaintOnPartition(int partition) {
        int partitions = kafka.partitionsFor(Topics.UPDATES).size();
        while (true) {
            ComplaintId id = TrackingIds.next();
            if (OwnedPartitions.partitionOf(id.value(), partitions) == partition % partitions) {
                return id;
            }
        }
    }

    /** Sent without waiting in between, so they arrive together and share the listener's polls. */
    private void publishTogether(List<ProducerRecord<String, ComplaintEvent>> records) {
        var sent = records.stream().map(kafka::send).toList();
        kafka.flush();
        sent.forEach(f -> f.join());
    }

    private static void publishRaw(ProducerRecord<String, byte[]> record) {
        try (var producer = new KafkaProducer<String, byte[]>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedServers.current().kafka().bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "poison-" + UUID.randomUUID()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.hearken.desk.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.desk.DeskTestSupport;
import io.hearken.embedded.EmbeddedServers;
import io.hearken.events.Actor;
import io.hearken.events.ComplaintAnonymised;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.Events;
import io.hearken.events.Topics;
import io.hearken.events.kafka.StateTopic;
import io.hearken.events.privacy.PersonalFields;
import io.hearken.events.privacy.Sealing;
import io.hearken.events.privacy.StandaloneSealing;
import io.hearken.events.store.LocalStateProperties;
import io.hearken.events.store.TestLocalState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * A complaint erased while the desk was stopped: the restarted desk reads {@code complaints.state} on from its kept
 * board, not from the beginning, and still shows the complaint without the resident's data. The real broker; the
 * board's own feed, stopped and started as the desk's lifecycle does.
 */
class KeptBoardErasureTest extends DeskTestSupport {

    @Autowired
    ConsumerFactory<?, ?> consumers;

    @Test
    void aComplaintErasedWhileTheDeskWasStoppedShowsNoResidentDataAfterTheRestart() throws Exception {
        String bootstrap = EmbeddedServers.current().kafka().bootstrapServers();
        Sealing sealing = StandaloneSealing.of(bootstrap, EmbeddedServers.DEMO_MASTER_KEY);
        LocalStateProperties local = TestLocalState.fresh();
        ComplaintRouted routed = routed("maintenance", 2, "电梯坏了三天", "5号楼");
        ComplaintId id = routed.complaintId();
        publishState(sealing, ComplaintSnapshot.empty(id).with(routed));

        ComplaintBoard first = new ComplaintBoard(local, sealing);
        BoardFeed feed = new BoardFeed(first, consumers, sealing);
        feed.start();
        try {
            await().atMost(PATIENCE).until(() -> first.find(id).map(c -> c.complaint().contact().email())
                    .filter("zhang.wei@example.com"::equals).isPresent());
        } finally {
            feed.stop(); // as the desk stops: the feed first (it hands the store its position), then the board
            first.close();
        }

        // Erased while the desk is stopped: the router writes the complaint's state again, anonymised.
        ComplaintAnonymised erased = new ComplaintAnonymised(Events.newId(), id, Instant.now(),
                new Actor("liu.yang", "刘洋", "management", Actor.Role.MANAGER), "erasure-" + id.value(), "request");
        publishState(sealing, ComplaintSnapshot.empty(id)
                .with(PersonalFields.removedFrom(routed, ComplaintEvent.class)).with(erased));

        ComplaintBoard again = new ComplaintBoard(local, sealing);
        BoardFeed feedAgain = new BoardFeed(again, consumers, sealing);
        feedAgain.start();
        try {
            assertThat(again.store().kept()).as("read on from the kept board").isPresent();
            assertThat(feedAgain.awaitLoaded(PATIENCE)).isTrue();
            await().atMost(PATIENCE).until(() -> again.contains(id, erased.eventId()));
            DeskComplaint shown = again.find(id).orElseThrow();
            assertThat(shown.department()).isEqualTo("maintenance");
            assertThat(shown.complaint().contact()).satisfiesAnyOf(
                    contact -> assertThat(contact).isNull(),
                    contact -> assertThat(contact.email()).isNull());
            assertThat(shown.complaint().description()).isNull();
        } finally {
            feedAgain.stop();
            again.close();
        }
    }

    private static void publishState(Sealing sealing, ComplaintSnapshot snapshot) throws Exception {
        try (var producer = new KafkaProducer<String, ComplaintSnapshot>(Map.<String, Object>of("bootstrap.servers",
                EmbeddedServers.current().kafka().bootstrapServers()), new StringSerializer(),
                StateTopic.serializer(sealing))) {
            producer.send(new ProducerRecord<>(Topics.STATE, snapshot.complaintId().value(), snapshot))
                    .get(10, TimeUnit.SECONDS);
        }
    }
}

package io.hearken.notifier.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.Events;
import io.hearken.events.MailBounced;
import io.hearken.events.TrackingIds;
import io.hearken.events.json.EventJson;
import io.hearken.events.privacy.InMemoryKeys;
import io.hearken.events.privacy.Sealing;
import io.hearken.events.store.LocalStateProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * The ledger's permanent bounces survive a clean stop in its kept store, sealed as on the topic: the address is not
 * stored in clear, and a resident erased while the notifier was stopped is no longer known as bounced.
 */
class KeptBouncesTest {

    @TempDir
    Path dir;

    @Test
    void keptBouncesComeBackSealedAndAnErasedResidentsDoesNot() throws Exception {
        InMemoryKeys keys = new InMemoryKeys();
        Sealing sealing = new Sealing(() -> keys, Optional::empty, EventJson.mapper());
        var consumers = new DefaultKafkaConsumerFactory<String, ComplaintEvent>(Map.of()); // the tail is not started
        LocalStateProperties local = new LocalStateProperties(dir, null, null);
        ComplaintId kept = TrackingIds.next();
        ComplaintId erased = TrackingIds.next();

        NotificationLedger first = new NotificationLedger(consumers, local, sealing);
        first.accept(bounce(kept, "Kept.Resident@example.com"));
        first.accept(bounce(erased, "erased.resident@example.com"));
        assertThat(first.hasBounced("erased.resident@example.com")).isTrue();
        first.store().forEach("", (key, value) -> assertThat(key + new String(value, StandardCharsets.UTF_8)).as(key)
                .doesNotContainIgnoringCase("resident@example.com")); // what goes to the files: sealed
        first.store().keepAt("notifications", "topic-id", Map.of(0, 2L)); // as its tail does at a clean stop
        first.close();

        keys.destroy(erased.value()); // erased while the notifier was stopped
        NotificationLedger second = new NotificationLedger(consumers, local, sealing);
        try {
            assertThat(second.store().kept()).isPresent();
            assertThat(second.hasBounced("kept.resident@example.com")).isTrue();
            assertThat(second.hasBounced("erased.resident@example.com")).isFalse();
        } finally {
            second.close();
        }
    }

    private static MailBounced bounce(ComplaintId id, String address) {
        return new MailBounced(Events.newId(), id, Instant.now(), address, null, true, "5.1.1", "no such user");
    }
}

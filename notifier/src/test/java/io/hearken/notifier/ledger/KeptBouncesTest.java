package io.hearken.notifier.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.Events;
import io.hearken.events.MailBounced;
import io.hearken.events.TrackingIds;
import io.hearken.events.privacy.PersonalData;
import io.hearken.events.store.LocalStateProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * The ledger's permanent bounces survive a clean stop in its kept store as keyed contact hashes: known again at the
 * next start without any data key (the data keys may still be loading then), never the address in clear.
 */
class KeptBouncesTest {

    @TempDir
    Path dir;

    @Test
    void keptBouncesComeBackAsContactHashesNotAddresses() {
        PersonalData privacy = new PersonalData("kept-bounces-test-secret");
        var consumers = new DefaultKafkaConsumerFactory<String, ComplaintEvent>(Map.of()); // the tail is not started
        LocalStateProperties local = new LocalStateProperties(dir, null, null);

        NotificationLedger first = new NotificationLedger(consumers, local, privacy);
        first.accept(bounce(TrackingIds.next(), "Kept.Resident@example.com", true));
        first.accept(bounce(null, "unnamed.resident@example.com", true)); // a bounce that names no complaint
        first.accept(bounce(TrackingIds.next(), "full.mailbox@example.com", false)); // transient: not remembered
        assertThat(first.hasBounced("kept.resident@example.com")).isTrue();
        first.store().forEach("", (key, value) -> assertThat(key + new String(value, StandardCharsets.UTF_8)).as(key)
                .doesNotContainIgnoringCase("@example.com")); // what goes to the files: hashes only
        first.store().keepAt("notifications", "topic-id", Map.of(0, 3L)); // as its tail does at a clean stop
        first.close();

        NotificationLedger second = new NotificationLedger(consumers, local, privacy);
        try {
            assertThat(second.store().kept()).isPresent();
            assertThat(second.hasBounced("KEPT.RESIDENT@example.com")).isTrue();
            assertThat(second.hasBounced("unnamed.resident@example.com")).isTrue();
            assertThat(second.hasBounced("full.mailbox@example.com")).isFalse();
            assertThat(second.hasBounced("someone.else@example.com")).isFalse();
            assertThat(second.hasBounced(null)).isFalse();
        } finally {
            second.close();
        }
    }

    private static MailBounced bounce(ComplaintId id, String address, boolean permanent) {
        return new MailBounced(Events.newId(), id, Instant.now(), address, null, permanent, permanent ? "5.1.1" : "4.2.2",
                "no such user");
    }
}

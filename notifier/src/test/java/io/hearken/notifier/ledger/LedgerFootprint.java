package io.hearken.notifier.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.Events;
import io.hearken.events.NotificationSent;
import io.hearken.events.TrackingIds;
import io.hearken.events.json.EventJson;
import io.hearken.events.store.TestLocalState;
import io.hearken.notifier.delivery.MailKind;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * Not part of the suite (the name does not end in Test): the heap the ledger holds per mail recorded, as before
 * (a set of {@code cause|kind} strings) and now (a local store on disk); prints the figures, asserts no size.
 * {@code ./mvnw -B -ntp -q -pl notifier -am test -Dtest=LedgerFootprint -Dsurefire.failIfNoSpecifiedTests=false}
 */
class LedgerFootprint {

    static final int MAILS = Integer.getInteger("footprint.mails", 40_000);

    @Test
    void heapPerMail() throws Exception {
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < MAILS; i++) {
            records.add(EventJson.mapper().writeValueAsBytes(new NotificationSent(Events.newId(), TrackingIds.next(),
                    Instant.now(), MailKind.ACKNOWLEDGEMENT.id(), "email", "r***@example.com", "<m." + i + "@hearken>",
                    Events.newId(), null)));
        }
        long base = heap();
        Set<String> before = ConcurrentHashMap.newKeySet();
        for (byte[] record : records) {
            NotificationSent sent = (NotificationSent) EventJson.mapper().readValue(record, ComplaintEvent.class);
            before.add(sent.causeEventId() + "|" + sent.kind());
        }
        long beforeBytes = heap() - base;
        assertThat(before).hasSize(MAILS);
        before.clear();
        base = heap();
        NotificationLedger ledger = new NotificationLedger(new DefaultKafkaConsumerFactory<>(Map.of()),
                TestLocalState.fresh(), null); // mails sent only: nothing to seal
        try {
            for (byte[] record : records) {
                ledger.accept(EventJson.mapper().readValue(record, ComplaintEvent.class));
            }
            long afterBytes = heap() - base;
            NotificationSent last = (NotificationSent) EventJson.mapper().readValue(records.get(MAILS - 1),
                    ComplaintEvent.class);
            assertThat(ledger.isAnswered(last.causeEventId(), last.kind())).isTrue();
            System.out.printf("FOOTPRINT ledger mails=%d before=%d B/mail after=%d B/mail%n", MAILS,
                    beforeBytes / MAILS, afterBytes / MAILS);
        } finally {
            ledger.close();
        }
    }

    static long heap() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

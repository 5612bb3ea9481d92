package io.hearken.notifier.privacy;

import io.hearken.events.privacy.ErasureHandler;
import io.hearken.events.privacy.ResidentErased;
import io.hearken.notifier.delivery.SentJournal;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The notifier's part of an erasure: the sent-mail journal's copies of the mails about the erased complaints go
 * (they hold the resident's name and words). Mail already delivered to the resident is theirs; mail to staff follows
 * the organisation's own mail retention.
 */
@Component
class JournalEraser implements ErasureHandler {

    private static final Logger log = LoggerFactory.getLogger(JournalEraser.class);

    private final SentJournal journal;

    JournalEraser(SentJournal journal) {
        this.journal = journal;
    }

    @Override
    public String scope() {
        return String.valueOf(journal.address());
    }

    @Override
    public void on(ResidentErased erased) {
        int deleted = journal.forget(erased.complaintIds());
        Metrics.counter("hearken.privacy.erased.items", "channel", "notifier-journal").increment(deleted);
        log.info("Erasure {}: {} journal copies deleted", erased.erasureId(), deleted);
    }
}

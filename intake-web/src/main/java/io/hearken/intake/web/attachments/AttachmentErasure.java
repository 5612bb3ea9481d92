package io.hearken.intake.web.attachments;

import io.hearken.events.ComplaintId;
import io.hearken.events.privacy.ErasureHandler;
import io.hearken.events.privacy.ResidentErased;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The web channel's part of an erasure: the uploaded files of the erased complaints are deleted, except a file
 * another complaint holds too (the same bytes uploaded by someone else stay theirs). Idempotent: an erasure run
 * again finds the complaints' lists gone and deletes nothing.
 */
@Component
class AttachmentErasure implements ErasureHandler {

    private static final Logger log = LoggerFactory.getLogger(AttachmentErasure.class);

    private final AttachmentStore store;
    private final Counter erased;

    @Override
    public String scope() {
        return store.dir().toString();
    }

    AttachmentErasure(AttachmentStore store, MeterRegistry meters) {
        this.store = store;
        this.erased = Counter.builder("hearken.privacy.erased.items").tag("channel", "web")
                .description("Files, mails and transcript calls deleted by erasures").register(meters);
    }

    @Override
    public void on(ResidentErased erasure) {
        int deleted = 0;
        int kept = 0;
        try {
            for (ComplaintId id : erasure.complaintIds()) {
                for (Path file : store.index.filesOf(id)) {
                    if (!store.index.release(id, file)) {
                        kept++;
                    } else {
                        deleted += store.deleteUnlessHeld(file) ? 1 : 0;
                        if (!Files.exists(file)) { // held by a submission this moment: it stays, and gets its marker
                            store.index.forget(file);
                        }
                    }
                }
                store.index.drop(id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("erasure " + erasure.erasureId() + ": attachments not all deleted", e);
        } finally {
            erased.increment(deleted);
        }
        log.info("Erasure {}: {} web attachment file(s) of {} complaint(s) deleted, {} kept for other complaints",
                erasure.erasureId(), deleted, erasure.complaintIds().size(), kept);
    }
}

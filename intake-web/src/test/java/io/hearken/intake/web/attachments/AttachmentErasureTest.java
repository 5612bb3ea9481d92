package io.hearken.intake.web.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintId;
import io.hearken.events.TrackingIds;
import io.hearken.events.privacy.ResidentErased;
import io.hearken.intake.web.WebIntakeProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockMultipartFile;

/** The files on disk an erasure deletes: the erased complaints' own, never one another complaint holds too. */
class AttachmentErasureTest {

    @TempDir
    Path dir;

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    static MockMultipartFile pdf(String text) {
        return new MockMultipartFile("attachments", "scan.pdf", "application/pdf",
                ("%PDF-1.7\n" + text).getBytes(StandardCharsets.UTF_8));
    }

    static Path file(StoredAttachments stored, int i) {
        return Path.of(URI.create(stored.attachments().get(i).location()));
    }

    static ResidentErased erasureOf(ComplaintId... ids) {
        return new ResidentErased(UUID.randomUUID().toString(), Instant.now(), "manager", "request", List.of(), List.of(ids));
    }

    @Test
    void theErasedComplaintsFilesGoAFileAnotherComplaintHoldsStays() throws Exception {
        AttachmentStore store = new AttachmentStore(new WebIntakeProperties(dir, null, null, null, null, null, null, null, null));
        AttachmentErasure erasure = new AttachmentErasure(store, meters);
        ComplaintId erased = TrackingIds.next();
        ComplaintId other = TrackingIds.next();
        StoredAttachments mine = store.store(List.of(pdf("my flat's floor plan"), pdf("a photo we both sent")));
        mine.keep(erased);
        StoredAttachments theirs = store.store(List.of(pdf("a photo we both sent"), pdf("their own letter")));
        theirs.keep(other);

        erasure.on(erasureOf(erased));

        assertThat(file(mine, 0)).doesNotExist();
        assertThat(file(mine, 1)).as("the other complaint holds it too").exists();
        assertThat(file(theirs, 1)).exists();
        assertThat(meters.counter("hearken.privacy.erased.items", "channel", "web").count()).isEqualTo(1);

        erasure.on(erasureOf(erased)); // handed over again after a restart: nothing more happens
        assertThat(file(mine, 1)).exists();
        assertThat(meters.counter("hearken.privacy.erased.items", "channel", "web").count()).isEqualTo(1);

        erasure.on(erasureOf(other));
        assertThat(file(theirs, 0)).doesNotExist();
        assertThat(file(theirs, 1)).doesNotExist();
        try (var left = Files.walk(dir)) {
            assertThat(left.filter(Files::isRegularFile)).as("no file and no marker is left").isEmpty();
        }
    }

    @Test
    void aFileASubmissionHoldsRightNowIsNotDeletedUnderIt() throws Exception {
        AttachmentStore store = new AttachmentStore(new WebIntakeProperties(dir, null, null, null, null, null, null, null, null));
        ComplaintId erased = TrackingIds.next();
        store.store(List.of(pdf("the same bytes"))).keep(erased);
        StoredAttachments inFlight = store.store(List.of(pdf("the same bytes"))); // not acknowledged yet

        new AttachmentErasure(store, meters).on(erasureOf(erased));

        assertThat(file(inFlight, 0)).exists();
        ComplaintId next = TrackingIds.next();
        inFlight.keep(next);
        new AttachmentErasure(store, meters).on(erasureOf(next));
        assertThat(file(inFlight, 0)).as("indexed for the complaint that kept it").doesNotExist();
    }
}

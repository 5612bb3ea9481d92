package io.hearken.intake.web.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearken.events.TrackingIds;
import io.hearken.intake.web.WebIntakeProperties;
import io.hearken.intake.web.intake.InvalidSubmission;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockMultipartFile;

/** Files on disk: stored once by content, typed by content, and only this upload's own files discarded. */
class AttachmentStoreTest {

    @TempDir
    Path dir;

    AttachmentStore store() {
        return new AttachmentStore(new WebIntakeProperties(dir, null, null, null, null, null, null, null, null));
    }

    static MockMultipartFile pdf(String name, String text) {
        return new MockMultipartFile("attachments", name, "application/octet-stream",
                ("%PDF-1.7\n" + text).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFileIsStoredUnderItsHashWithTheTypeItsBytesShow() throws Exception {
        StoredAttachments stored = store().store(List.of(pdf("rechnung.exe", "invoice")));
        assertThat(stored.attachments()).singleElement().satisfies(a -> {
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(a.fileName()).isEqualTo("rechnung.exe");
            Path file = Path.of(URI.create(a.location()));
            assertThat(file.getFileName().toString()).isEqualTo(a.sha256() + ".pdf");
            assertThat(Files.readString(file)).endsWith("invoice");
        });
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void discardingRemovesOnlyWhatThisUploadCreated() throws Exception {
        AttachmentStore store = store();
        StoredAttachments earlier = store.store(List.of(pdf("a.pdf", "shared")));
        Path shared = Path.of(URI.create(earlier.attachments().get(0).location()));

        StoredAttachments failed = store.store(List.of(pdf("same.pdf", "shared"), pdf("new.pdf", "only mine")));
        Path mine = Path.of(URI.create(failed.attachments().get(1).location()));
        assertThat(mine).exists();
        failed.discard();

        assertThat(shared).as("another complaint's file").exists();
        assertThat(mine).doesNotExist();
    }

    @Test
    void anUploadThatFailsNeverTakesTheFileOfAnotherSubmissionWithTheSameContent() throws Exception {
        AttachmentStore store = store();
        // Two residents send the same photo at once; the first one stored it, the second was acknowledged.
        StoredAttachments creator = store.store(List.of(pdf("a.pdf", "same photo")));
        StoredAttachments other = store.store(List.of(pdf("b.pdf", "same photo")));
        Path file = Path.of(URI.create(creator.attachments().get(0).location()));
        other.keep(TrackingIds.next());
        creator.discard();
        assertThat(file).as("referenced by the acknowledged complaint").exists();

        // Still in flight when the creator fails: kept for it, and it stays once that one is acknowledged.
        StoredAttachments first = store.store(List.of(pdf("c.pdf", "another photo")));
        StoredAttachments second = store.store(List.of(pdf("d.pdf", "another photo")));
        Path another = Path.of(URI.create(first.attachments().get(0).location()));
        first.discard();
        assertThat(another).exists();
        second.keep(TrackingIds.next());
        assertThat(another).exists();

        // Nobody acknowledged: the creator, last to give up, deletes it.
        StoredAttachments lone = store.store(List.of(pdf("e.pdf", "a third photo")));
        StoredAttachments retry = store.store(List.of(pdf("f.pdf", "a third photo")));
        Path third = Path.of(URI.create(lone.attachments().get(0).location()));
        retry.discard();
        lone.discard();
        assertThat(third).doesNotExist();
    }

    @Test
    void sixFilesOrAWrongTypeAreRefusedBeforeAnythingIsStored() throws Exception {
        AttachmentStore store = store();
        List<MockMultipartFile> six = List.of(pdf("1", "1"), pdf("2", "2"), pdf("3", "3"), pdf("4", "4"),
                pdf("5", "5"), pdf("6", "6"));
        assertThatThrownBy(() -> store.store(List.copyOf(six))).isInstanceOf(InvalidSubmission.class);
        var fake = new MockMultipartFile("attachments", "photo.jpg", "image/jpeg", "<svg onload=x>".getBytes());
        assertThatThrownBy(() -> store.store(List.of(pdf("ok.pdf", "fine"), fake)))
                .isInstanceOfSatisfying(InvalidSubmission.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> assertThat(v.code()).isEqualTo("FileType")));
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}

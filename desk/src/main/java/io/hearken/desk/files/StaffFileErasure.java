package io.hearken.desk.files;

import io.hearken.events.ComplaintId;
import io.hearken.events.privacy.ErasureHandler;
import io.hearken.events.privacy.ResidentErased;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The desk's part of an erasure: the files staff attached to the erased complaints' replies (they are the
 * resident's personal data like their own files). Idempotent: a folder already gone deletes nothing.
 */
@Component
class StaffFileErasure implements ErasureHandler {

    private static final Logger log = LoggerFactory.getLogger(StaffFileErasure.class);

    private final StaffFiles files;

    StaffFileErasure(StaffFiles files) {
        this.files = files;
    }

    @Override
    public String scope() {
        return files.dir().toString();
    }

    @Override
    public void on(ResidentErased erasure) {
        int deleted = 0;
        for (ComplaintId id : erasure.complaintIds()) {
            Path folder = files.dir().resolve(id.value()).normalize();
            if (!folder.startsWith(files.dir()) || !Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    deleted += Files.deleteIfExists(p) && !p.equals(folder) ? 1 : 0;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("erasure " + erasure.erasureId() + ": staff files not all deleted", e);
            }
        }
        log.info("Erasure {}: {} staff file(s) of {} complaint(s) deleted", erasure.erasureId(), deleted,
                erasure.complaintIds().size());
    }
}

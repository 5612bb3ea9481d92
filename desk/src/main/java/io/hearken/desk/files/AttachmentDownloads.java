package io.hearken.desk.files;

import io.hearken.desk.actions.DeskProblem;
import io.hearken.desk.actions.WorkingOnComplaints;
import io.hearken.desk.board.DeskComplaint;
import io.hearken.events.files.FileNames;
import io.hearken.staff.StaffPerson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A complaint's files for its department: the list, and each file. Another department's or an unknown complaint,
 * an unknown file, a file outside the allowed roots and an erased one are all the same 404 (the reason in the log).
 * Served safely: the stored type only when allow-listed, a download for everything but images, never sniffed, and
 * a policy under which an image shown inline can run nothing.
 */
@RestController
@RequestMapping("/api/v1/desk/complaints/{id}/attachments")
public class AttachmentDownloads {

    private static final Logger log = LoggerFactory.getLogger(AttachmentDownloads.class);
    static final String POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

    private final WorkingOnComplaints work;
    private final AttachmentRoots roots;

    AttachmentDownloads(WorkingOnComplaints work, AttachmentRoots roots) {
        this.work = work;
        this.roots = roots;
    }

    record FileList(String complaintId, int count, List<DeskFile> files) {
    }

    @GetMapping
    FileList list(Authentication auth, @PathVariable String id) {
        List<DeskFile> files = ComplaintFiles.list(work.view(StaffPerson.of(auth), id));
        return new FileList(id, files.size(), files);
    }

    @GetMapping("/{file}")
    ResponseEntity<Resource> download(Authentication auth, @PathVariable String id, @PathVariable String file) {
        StaffPerson person = StaffPerson.of(auth);
        DeskComplaint complaint = work.view(person, id);
        String what = "attachment " + file + " of " + id + " for " + person.id();
        ComplaintFiles.Listed listed = ComplaintFiles.of(complaint).get(file);
        if (listed == null) {
            log.info("{}: not found{}", what, ComplaintFiles.erased(complaint) ? " (the complaint was erased: its files are gone)" : "");
            throw DeskProblem.notFound();
        }
        Path path = roots.open(listed.attachment().location(), what).orElseThrow(DeskProblem::notFound);
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            log.info("{}: cannot be read ({})", what, e.toString());
            throw DeskProblem.notFound();
        }
        String type = listed.attachment().contentType();
        boolean inline = ServedTypes.inline(type);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, ServedTypes.header(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.disposition(inline, listed.attachment().fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Referrer-Policy", "no-referrer")
                .contentLength(size)
                .body(new FileSystemResource(path));
    }
}

package io.hearken.desk.files;

import io.hearken.desk.board.DeskComplaint;
import io.hearken.events.Attachment;
import io.hearken.events.ComplaintAnonymised;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.InformationRequested;
import io.hearken.events.ProgressNoted;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every file of one complaint as the board holds it: the resident's (with the complaint and each follow-up) and
 * the staff's (with a note, question or resolution). A file's id is a hash of where it is stored, so it stays the
 * same while the complaint grows and says nothing about the server's folders. After an erasure the board holds no
 * attachments any more, so nothing is listed (and nothing served).
 */
public final class ComplaintFiles {

    private ComplaintFiles() {
    }

    /** The files with their attachment records, in the order they came, keyed by id. */
    static Map<String, Listed> of(DeskComplaint complaint) {
        Map<String, Listed> files = new LinkedHashMap<>();
        String id = complaint.id().value();
        if (complaint.complaint() != null) {
            add(files, id, complaint.complaint().attachments(), "resident", complaint.complaint().at());
        }
        for (ComplaintEvent e : complaint.history()) {
            List<Attachment> attached = attachmentsOf(e);
            if (!attached.isEmpty()) {
                add(files, id, attached, e instanceof FollowUpReceived ? "resident" : "staff", e.at());
            }
        }
        return files;
    }

    public static List<DeskFile> list(DeskComplaint complaint) {
        return new ArrayList<>(of(complaint).values().stream().map(Listed::file).toList());
    }

    static boolean erased(DeskComplaint complaint) {
        return complaint.history().stream().anyMatch(ComplaintAnonymised.class::isInstance);
    }

    /** The files an event carries (none when it carries none). */
    public static List<Attachment> attachmentsOf(ComplaintEvent e) {
        List<Attachment> files = null;
        if (e instanceof FollowUpReceived f) {
            files = f.attachments();
        } else if (e instanceof ProgressNoted p) {
            files = p.attachments();
        } else if (e instanceof InformationRequested i) {
            files = i.attachments();
        } else if (e instanceof ComplaintResolved r) {
            files = r.attachments();
        }
        return files == null ? List.of() : files;
    }

    private static void add(Map<String, Listed> files, String complaintId, List<Attachment> attachments, String from,
            java.time.Instant at) {
        if (attachments == null) {
            return;
        }
        for (Attachment a : attachments) {
            if (a != null && a.location() != null) {
                String fileId = idOf(a.location());
                files.putIfAbsent(fileId, new Listed(DeskFile.of(complaintId, fileId, a, from, at), a));
            }
        }
    }

    static String idOf(String location) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Listed(DeskFile file, Attachment attachment) {
    }
}

package io.hearken.notifier.delivery;

import io.hearken.events.Attachment;
import io.hearken.events.files.StoredFiles;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The files staff attached to a reply (the event's {@code attachments}, put into the notice's model under
 * {@link Notice#ATTACHMENTS} by the planning): read from {@code hearken.notifier.attachments.roots} only, together at most
 * {@code max-total-size} per mail. A file that is gone, outside the roots or over the limit is left out: the mail goes
 * without it, and {@link Resolved#leftOut()} says so for the ledger. Never a reason to retry (a missing file stays
 * missing).
 */
@Component
class MailAttachments {

    private static final Logger log = LoggerFactory.getLogger(MailAttachments.class);
    private static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp",
            "application/pdf", "text/plain");

    private final StoredFiles files;
    private final long maxTotal;

    MailAttachments(Settings settings) {
        this.files = new StoredFiles(settings.roots() == null ? List.of(Path.of("data", "desk-files")) : settings.roots());
        this.maxTotal = (settings.maxTotalSize() == null ? DataSize.ofMegabytes(20) : settings.maxTotalSize()).toBytes();
    }

    /**
     * {@code hearken.notifier.attachments.*}.
     *
     * @param roots        folders the notifier may read attached files from (the desk's staff folder, read-only)
     * @param maxTotalSize the most one mail carries in files (bigger ones are left out, in order)
     */
    @ConfigurationProperties("hearken.notifier.attachments")
    record Settings(List<Path> roots, DataSize maxTotalSize) {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Settings.class)
    static class Config {
    }

    record Ready(Attachment attachment, Path path) {
    }

    record Resolved(List<Ready> files, List<String> leftOut) {

        boolean any() {
            return !files.isEmpty();
        }

        /** For the ledger's detail; null when nothing was left out. */
        String detail() {
            return leftOut.isEmpty() ? null : "sent without " + String.join("; ", leftOut);
        }
    }

    @SuppressWarnings("unchecked")
    Resolved resolve(Notice notice) {
        Object listed = notice.model().get(Notice.ATTACHMENTS);
        List<Ready> ready = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        if (!(listed instanceof List<?> list)) {
            return new Resolved(ready, leftOut);
        }
        long total = 0;
        for (Object o : list) {
            if (!(o instanceof Attachment a) || a.location() == null) {
                continue;
            }
            String name = a.fileName() == null ? "attachment" : a.fileName();
            List<String> why = new ArrayList<>();
            Path path = files.open(a.location(), why::add).orElse(null);
            if (path == null) {
                log.info("{} for {}: file {} left out: {}", notice.kind(), notice.complaintId(), a.sha256(), why);
                leftOut.add(name + " (file missing)");
                continue;
            }
            long size;
            try {
                size = Files.size(path);
            } catch (IOException e) {
                leftOut.add(name + " (file missing)");
                continue;
            }
            if (total + size > maxTotal) {
                leftOut.add(name + " (over the mail's " + DataSize.ofBytes(maxTotal).toMegabytes() + " MB limit)");
                continue;
            }
            total += size;
            ready.add(new Ready(a, path));
        }
        return new Resolved(List.copyOf(ready), List.copyOf(leftOut));
    }

    /** {@code multipart/mixed}: the text and HTML alternative first, then each file as an attachment. */
    static MimeMultipart mixed(MimeMultipart alternative, Resolved resolved) throws MessagingException {
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        mixed.addBodyPart(body);
        for (Ready r : resolved.files()) {
            MimeBodyPart part = new MimeBodyPart();
            String type = r.attachment().contentType() == null ? "" : r.attachment().contentType().toLowerCase();
            part.setDataHandler(new DataHandler(new FileDataSource(r.path().toFile()) {
                @Override
                public String getContentType() {
                    return TYPES.contains(type) ? type : "application/octet-stream";
                }
            }));
            try {
                part.setFileName(MimeUtility.encodeText(r.attachment().fileName() == null ? "attachment"
                        : r.attachment().fileName(), "UTF-8", null));
            } catch (UnsupportedEncodingException e) {
                part.setFileName("attachment");
            }
            part.setDisposition(Part.ATTACHMENT);
            // Always base64: a file that happens to look like text (a PDF's ASCII header) would otherwise get its line
            // endings rewritten in transit and arrive altered.
            part.setHeader("Content-Transfer-Encoding", "base64");
            mixed.addBodyPart(part);
        }
        return mixed;
    }
}

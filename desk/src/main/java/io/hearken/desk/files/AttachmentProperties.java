package io.hearken.desk.files;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code hearken.desk.attachments.*}: where the desk may read the residents' files, and where it keeps the files
 * staff attach to a reply (docs/desk.md, "Attachments").
 *
 * @param roots       the only folders a {@code file:} location may lie in (the channels' attachment folders, mounted
 *                    read-only); the staff folder is always one
 * @param staffDir    where the files staff attach are stored ({@code <complaint id>/<sha-256>.<ext>})
 * @param maxFileSize the largest file staff may attach
 * @param maxFiles    how many files one reply may carry
 */
@ConfigurationProperties("hearken.desk.attachments")
public record AttachmentProperties(List<Path> roots, Path staffDir, DataSize maxFileSize, Integer maxFiles) {

    public AttachmentProperties {
        roots = roots == null ? List.of(Path.of("data", "attachments")) : List.copyOf(roots);
        staffDir = staffDir == null ? Path.of("data", "desk-files") : staffDir;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
        maxFiles = maxFiles == null ? 5 : maxFiles;
    }

    /** The file size limit as people read it: {@code 10 MB}, {@code 64 KB}. */
    public String sizeLabel() {
        long bytes = maxFileSize.toBytes();
        return bytes >= 1024 * 1024 ? maxFileSize.toMegabytes() + " MB" : maxFileSize.toKilobytes() + " KB";
    }

    /** What one request with files may weigh at most (the files plus the form's text). */
    public long maxRequestBytes() {
        return maxFileSize.toBytes() * maxFiles + DataSize.ofKilobytes(64).toBytes();
    }
}

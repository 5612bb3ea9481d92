package io.hearken.desk.files;

import io.hearken.events.files.StoredFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The files the desk may read: inside {@code hearken.desk.attachments.roots} or its own staff folder, nowhere else
 * ({@link StoredFiles}: {@code file:} URIs only, no way out through {@code ..} or a link). A refusal is logged
 * with its reason; the caller answers 404.
 */
@Component
public class AttachmentRoots {

    private static final Logger log = LoggerFactory.getLogger(AttachmentRoots.class);

    private final StoredFiles files;

    AttachmentRoots(AttachmentProperties properties) {
        List<Path> all = new ArrayList<>(properties.roots());
        all.add(properties.staffDir());
        this.files = new StoredFiles(all);
    }

    /** The readable file at {@code location}, or empty (the reason logged, {@code what} naming the request). */
    public Optional<Path> open(String location, String what) {
        return files.open(location, why -> log.warn("{}: {} (hearken.desk.attachments.roots: {})", what, why,
                files.roots()));
    }
}

package io.hearken.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files an embedded node runs from: the distribution, copied where {@code nobody} can read it when the build's
 * is out of its reach (root's home), and the instance folder, given to {@code nobody} (Elasticsearch refuses root).
 */
final class NodeFiles {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);

    private NodeFiles() {
    }

    static boolean readableByOthers(Path home) {
        try {
            for (Path p = home.toAbsolutePath(); p != null; p = p.getParent()) {
                if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Root's clone may sit where {@code nobody} cannot read (e.g. /root): use a copy in the temp folder. */
    static Path copyToSharedPlace(Path home) throws IOException {
        Path shared = Path.of(System.getProperty("java.io.tmpdir"), "hearken-" + home.getFileName());
        Path marker = shared.resolve(".complete");
        if (!Files.exists(marker)) {
            log.info("Copying Elasticsearch to {} so the unprivileged user can read it", shared);
            copyTree(home, shared, true);
            Files.writeString(marker, "");
        }
        for (Path p = shared; p != null && p.getParent() != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException(p + " is not readable by the user 'nobody'");
            }
        }
        return shared;
    }

    static void copyTree(Path from, Path to, boolean overwrite) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                if (overwrite || !Files.exists(target)) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void chownToNobody(Path dir) throws IOException {
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal nobody = lookup.lookupPrincipalByName("nobody");
        GroupPrincipal nogroup = lookup.lookupPrincipalByGroupName("nogroup");
        try (var paths = Files.walk(dir)) {
            paths.forEach(p -> {
                try {
                    Files.setOwner(p, nobody);
                    Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(nogroup);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

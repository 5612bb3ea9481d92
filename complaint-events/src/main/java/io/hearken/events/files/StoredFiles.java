package io.hearken.events.files;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Opens an {@code Attachment.location} for a service that reads files another stored (the desk serving residents'
 * files, the notifier attaching staff files to a mail): only a {@code file:} URI, only inside one of the given roots,
 * also after following symbolic links, only a regular file. Anything else is empty, with the reason handed to
 * {@code why} (for the log; it names the path, never the file's content).
 */
public final class StoredFiles {

    private final List<Path> roots;

    public StoredFiles(List<Path> roots) {
        this.roots = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
    }

    public List<Path> roots() {
        return roots;
    }

    public Optional<Path> open(String location, Consumer<String> why) {
        Path path;
        try {
            URI uri = URI.create(location);
            if (!"file".equalsIgnoreCase(uri.getScheme())) {
                why.accept("refused, not a file: location");
                return Optional.empty();
            }
            path = Path.of(uri).toAbsolutePath().normalize();
        } catch (RuntimeException bad) {
            why.accept("refused, unreadable location (" + bad.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
        Optional<Path> root = roots.stream().filter(path::startsWith).findFirst();
        if (root.isEmpty()) {
            why.accept("refused, " + path + " lies outside the allowed roots");
            return Optional.empty();
        }
        if (!Files.isRegularFile(path)) {
            why.accept("the file is gone (" + path.getFileName() + "), e.g. erased with its resident");
            return Optional.empty();
        }
        try {
            Path real = path.toRealPath();
            if (!real.startsWith(root.get().toRealPath())) {
                why.accept("refused, " + path + " leads out of its root through a link");
                return Optional.empty();
            }
            return Optional.of(real);
        } catch (IOException e) {
            why.accept("the file cannot be read (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }
}

package io.hearken.events.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Local state for a store a test opens by hand: a base folder of its own, so it never reads on from a store that a
 * service in the same JVM kept at its clean stop (the kept stores take the first free folder of a shared base).
 * Deleted when the JVM exits.
 */
public final class TestLocalState {

    private TestLocalState() {
    }

    public static LocalStateProperties fresh() {
        try {
            Path dir = Files.createTempDirectory("hearken-test-local-state-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> StoreFolders.delete(dir)));
            return new LocalStateProperties(dir, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

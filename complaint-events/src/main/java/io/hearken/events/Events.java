package io.hearken.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Event ids: random for new facts, derived from the source for inputs that may be seen twice. */
public final class Events {

    private Events() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * The same parts always give the same id (a name-based UUID), so a redelivered input, such as the
     * same mail or call read again after a crash, produces an event with the same id.
     */
    public static String idFrom(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}

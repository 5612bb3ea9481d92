package io.hearken.events.privacy;

import io.hearken.events.store.LocalStore;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The key topic as read, on local disk ({@link LocalStore}, rebuilt from the topic at each start), so the heap holds
 * nothing per key. The records lie there as on the topic: their keysets are encrypted under the master key.
 * Layout (NUL separates the parts, as neither an owner nor a contact hash holds one):
 * <ul>
 * <li>{@code k<owner>␀<keyId>} → the key record's JSON ({@link DataKeys.DataKeyRecord});</li>
 * <li>{@code s<subject>␀<owner>} and {@code o<owner>␀<subject>} → nothing: the two indexes between residents'
 * contact hashes and owners;</li>
 * <li>{@code d<owner>␀<keyId>} → nothing: a key seen destroyed (forgotten);</li>
 * <li>{@code e<owner>} → the time of its latest erasure (epoch milliseconds, 8 bytes): data from before it is never
 * sealed again.</li>
 * </ul>
 * Not synchronised: {@link KnownKeys} is.
 */
final class KeyStore implements AutoCloseable {

    private static final char SEP = '\u0000';
    private static final byte[] NOTHING = new byte[0];

    private final LocalStore store;

    KeyStore(LocalStore store) {
        this.store = store;
    }

    void put(String owner, int keyId, byte[] record, List<String> subjects) {
        store.put(key('k', owner, keyId), record);
        for (String subject : subjects == null ? List.<String>of() : subjects) {
            if (subject != null) {
                store.put("s" + subject + SEP + owner, NOTHING);
                store.put("o" + owner + SEP + subject, NOTHING);
            }
        }
    }

    /** The record's JSON, or null when the key is not (or no longer) known. */
    byte[] record(String owner, int keyId) {
        return store.get(key('k', owner, keyId));
    }

    /** Every key of {@code owner}: key id → the record's JSON. */
    Map<Integer, byte[]> records(String owner) {
        Map<Integer, byte[]> mine = new LinkedHashMap<>();
        String prefix = "k" + owner + SEP;
        store.forEach(prefix, (key, value) -> mine.put(Integer.parseInt(key.substring(prefix.length())), value));
        return mine;
    }

    boolean isDestroyed(String owner, int keyId) {
        return store.get(key('d', owner, keyId)) != null;
    }

    /**
     * Marks the key destroyed and deletes its record; once the owner has no key left, the indexes forget it too.
     */
    void destroy(String owner, int keyId) {
        store.put(key('d', owner, keyId), NOTHING);
        store.delete(key('k', owner, keyId));
        if (!records(owner).isEmpty()) {
            return;
        }
        for (String subject : subjects(owner)) {
            store.delete("s" + subject + SEP + owner);
        }
        store.deletePrefix("o" + owner + SEP);
    }

    /** Notes an erasure of {@code owner} at {@code at}; the latest one counts. */
    void erased(String owner, Instant at) {
        Instant before = erasedAt(owner);
        if (before == null || at.isAfter(before)) {
            store.put("e" + owner, ByteBuffer.allocate(Long.BYTES).putLong(at.toEpochMilli()).array());
        }
    }

    /** When {@code owner} was last erased, or null. */
    Instant erasedAt(String owner) {
        byte[] millis = store.get("e" + owner);
        return millis == null ? null : Instant.ofEpochMilli(ByteBuffer.wrap(millis).getLong());
    }

    Set<String> owners(String subject) {
        return after('s', subject);
    }

    Set<String> subjects(String owner) {
        return after('o', owner);
    }

    @Override
    public void close() {
        store.close();
    }

    private Set<String> after(char kind, String first) {
        Set<String> found = new LinkedHashSet<>();
        String prefix = kind + first + SEP;
        store.forEach(prefix, (key, value) -> found.add(key.substring(prefix.length())));
        return found;
    }

    private static String key(char kind, String owner, int keyId) {
        return kind + owner + SEP + keyId;
    }
}

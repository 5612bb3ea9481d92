package io.hearken.events.privacy;

import com.google.crypto.tink.Aead;
import io.hearken.events.json.EventJson;
import io.hearken.events.privacy.DataKeys.DataKeyRecord;
import io.hearken.events.privacy.DataKeys.Resident;
import io.hearken.events.privacy.SealingKeys.Sealer;
import io.hearken.events.store.LocalStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The key topic as this process knows it: every live key record by owner, the residents (contact hashes) they name
 * and the keys seen destroyed, all in a {@link KeyStore} on local disk; on the heap only two bounded LRUs, of opened
 * keys and of each owner's newest key id. All the synchronisation of {@link DataKeys} is here, kept in one place on
 * purpose: remembering and forgetting exclude each other, a forgotten key never comes back, and a forgotten key is
 * never opened from the cache (forgetting takes it out under this object's lock, and a key opened from its record
 * enters the cache under that lock only while its record is still there).
 */
final class KnownKeys implements AutoCloseable {

    /** Opened keys kept by default: ~380 B of heap each with its entry, so ~9.5 MB. */
    static final int CACHED_KEYS = 25_000;

    private final KeyWrapping wrapping;
    private final KeyStore stored;
    /** {@code owner/keyId} → the opened key. */
    private final Map<String, Aead> opened;
    /** owner → the id of its newest key, for the sealers; filled and emptied under this object's lock. */
    private final Map<String, Integer> newest;
    /** The owners remembered: a new complaint's first seal does not search the store for keys it cannot have. */
    private final OwnersWithKeys owners = new OwnersWithKeys();
    private volatile boolean anyErased;

    KnownKeys(KeyWrapping wrapping, LocalStore store) {
        this(wrapping, store, CACHED_KEYS);
    }

    /** {@code cachedKeys}: how many opened keys (and owners' newest key ids) stay on the heap. */
    KnownKeys(KeyWrapping wrapping, LocalStore store, int cachedKeys) {
        this.wrapping = wrapping;
        this.stored = new KeyStore(store);
        this.opened = lru(cachedKeys);
        this.newest = lru(cachedKeys);
    }

    /** The topic tail's sink: a key record remembered, a tombstone forgotten; foreign records ignored. */
    void accept(String ref, byte[] value, long timestamp) {
        int slash = ref == null ? -1 : ref.lastIndexOf('/');
        if (slash <= 0) {
            return;
        }
        String owner = ref.substring(0, slash);
        int keyId;
        try {
            keyId = Integer.parseInt(ref.substring(slash + 1));
        } catch (NumberFormatException e) {
            return;
        }
        if (value == null) {
            erased(owner, Instant.ofEpochMilli(timestamp)); // the tombstone's time: when the key was destroyed
            forget(owner, keyId);
        } else if (stored.record(owner, keyId) == null) {
            remember(keyId, EventJson.mapper().readValue(value, DataKeyRecord.class), value, null);
        } // else a key this process made (or read) already: a key's record is never rewritten, a new key has a new id
    }

    /** The newest usable key of {@code owner}, or null when it has none. */
    Sealer newest(String owner) {
        Integer keyId = newest.get(owner);
        if (keyId == null && owners.mayHave(owner)) {
            keyId = newestStored(owner);
        }
        Aead aead = keyId == null ? null : open(owner, keyId);
        return aead == null ? null : new Sealer(keyId, aead);
    }

    private synchronized Integer newestStored(String owner) {
        Integer keyId = null;
        Instant created = null;
        for (var key : stored.records(owner).entrySet()) {
            Instant at = EventJson.mapper().readValue(key.getValue(), DataKeyRecord.class).created();
            if (keyId == null || at != null && (created == null || at.isAfter(created))) {
                keyId = key.getKey();
                created = at;
            }
        }
        if (keyId != null) {
            newest.put(owner, keyId);
        }
        return keyId;
    }

    /** The key, opened (and cached) on demand; null when destroyed or not (yet) known. */
    Aead open(String owner, int keyId) {
        String ref = KeyWrapping.ref(owner, keyId);
        Aead aead = opened.get(ref); // never holds a forgotten key, see forget()
        if (aead != null) {
            return aead;
        }
        byte[] record = stored.record(owner, keyId);
        if (record == null) {
            return null;
        }
        aead = wrapping.unwrap(ref, EventJson.mapper().readValue(record, DataKeyRecord.class).keyset());
        synchronized (this) {
            if (stored.record(owner, keyId) == null) {
                return null; // forgotten while it was being opened
            }
            opened.put(ref, aead);
        }
        return aead;
    }

    boolean isDestroyed(String owner, int keyId) {
        return stored.isDestroyed(owner, keyId);
    }

    List<Integer> keyIds(String owner) {
        return new ArrayList<>(stored.records(owner).keySet());
    }

    Set<String> ownersOf(String subject) {
        return Set.copyOf(stored.owners(subject));
    }

    /** The owners naming this contact hash, and those naming any contact linked to it by a shared owner. */
    Resident resident(String subject) {
        Set<String> subjects = new LinkedHashSet<>(List.of(subject));
        Set<String> owners = new LinkedHashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(subjects);
        while (!todo.isEmpty()) {
            for (String owner : stored.owners(todo.poll())) {
                if (owners.add(owner)) {
                    for (String linked : stored.subjects(owner)) {
                        if (subjects.add(linked)) {
                            todo.add(linked);
                        }
                    }
                }
            }
        }
        return new Resident(Set.copyOf(subjects), Set.copyOf(owners));
    }

    /** Forgets the keys of {@code owner} made before {@code at} (or of unknown age): it was erased at {@code at}. */
    void forgetBefore(String owner, Instant at) {
        if (at == null) {
            return;
        }
        erased(owner, at);
        for (var key : stored.records(owner).entrySet()) {
            Instant created = EventJson.mapper().readValue(key.getValue(), DataKeyRecord.class).created();
            if (created == null || created.isBefore(at)) {
                forget(owner, key.getKey());
            }
        }
    }

    /**
     * Remembers a key record and, when this process made the key, the opened key. A key forgotten here never comes
     * back (a new key has a new id). Remembering and forgetting exclude each other: the tail reading a key's own
     * record back while an anonymisation forgets that key must not bring it back.
     */
    void remember(String ref, DataKeyRecord record, Aead openedKey) {
        int keyId = Integer.parseInt(ref.substring(ref.lastIndexOf('/') + 1));
        remember(keyId, record, EventJson.mapper().writeValueAsBytes(record), openedKey);
    }

    private synchronized void remember(int keyId, DataKeyRecord record, byte[] json, Aead openedKey) {
        if (stored.isDestroyed(record.owner(), keyId)) {
            return;
        }
        owners.add(record.owner()); // first: whoever sees the record stored sees the owner too
        stored.put(record.owner(), keyId, json, record.subjects());
        newest.remove(record.owner()); // found again on the next use, this key among the others
        if (openedKey != null) {
            opened.put(KeyWrapping.ref(record.owner(), keyId), openedKey);
        }
    }

    synchronized void erased(String owner, Instant at) {
        stored.erased(owner, at);
        anyErased = true;
    }

    /**
     * Asked before every seal: answered from memory while this process has seen no erasure (the store starts empty),
     * then by one read of the store, without this object's lock (a single get needs none; seals do not queue on it).
     */
    Instant erasedAt(String owner) {
        return anyErased ? stored.erasedAt(owner) : null;
    }

    synchronized void forget(String owner, int keyId) {
        stored.destroy(owner, keyId);
        opened.remove(KeyWrapping.ref(owner, keyId));
        newest.remove(owner);
    }

    @Override
    public synchronized void close() {
        stored.close();
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }
}

package io.hearken.events.privacy;

import com.google.crypto.tink.Aead;
import io.hearken.events.json.EventJson;
import io.hearken.events.privacy.DataKeys.DataKeyRecord;
import io.hearken.events.privacy.DataKeys.Resident;
import io.hearken.events.privacy.SealingKeys.Sealer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key topic as this process knows it: every live key record by owner, the residents (contact hashes) they name,
 * the keys seen destroyed, and an LRU of opened keys. All the synchronisation of {@link DataKeys} is here, kept in
 * one place on purpose: remembering and forgetting exclude each other, a forgotten key never comes back, and a
 * forgotten key is never opened from the cache.
 */
final class KnownKeys {

    private static final int CACHED_KEYS = 10_000;

    private final KeyWrapping wrapping;
    /** owner → keyId → the key record (encrypted keyset); opened on demand (an LRU of opened keys bounds memory). */
    private final Map<String, Map<Integer, DataKeyRecord>> keys = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> ownersBySubject = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> subjectsByOwner = new ConcurrentHashMap<>();
    /** {@code owner/keyId} of keys seen destroyed: a reader never waits for them. */
    private final Set<String> destroyed = ConcurrentHashMap.newKeySet();
    private final Map<String, Aead> opened = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Aead> eldest) {
            return size() > CACHED_KEYS;
        }
    });

    KnownKeys(KeyWrapping wrapping) {
        this.wrapping = wrapping;
    }

    /** The topic tail's sink: a key record remembered, a tombstone forgotten; foreign records ignored. */
    void accept(String ref, byte[] value) {
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
            forget(owner, keyId);
        } else {
            remember(ref, EventJson.mapper().readValue(value, DataKeyRecord.class), null);
        }
    }

    /** The newest usable key of {@code owner}, or null when it has none. */
    Sealer newest(String owner) {
        Map<Integer, DataKeyRecord> mine = keys.get(owner);
        if (mine == null || mine.isEmpty()) {
            return null;
        }
        int keyId = mine.keySet().iterator().next();
        Aead aead = open(owner, keyId);
        return aead == null ? null : new Sealer(keyId, aead);
    }

    /** The key, opened (and cached) on demand; null when destroyed or not (yet) known. */
    Aead open(String owner, int keyId) {
        String ref = KeyWrapping.ref(owner, keyId);
        if (destroyed.contains(ref)) {
            return null; // also when the key was opened (cached) a moment before it was forgotten
        }
        Aead aead = opened.get(ref);
        if (aead != null) {
            return aead;
        }
        DataKeyRecord record = keys.getOrDefault(owner, Map.of()).get(keyId);
        if (record == null) {
            return null;
        }
        aead = wrapping.unwrap(ref, record.keyset());
        opened.put(ref, aead);
        return aead;
    }

    boolean isDestroyed(String owner, int keyId) {
        return destroyed.contains(KeyWrapping.ref(owner, keyId));
    }

    List<Integer> keyIds(String owner) {
        return new ArrayList<>(keys.getOrDefault(owner, Map.of()).keySet());
    }

    Set<String> ownersOf(String subject) {
        return Set.copyOf(ownersBySubject.getOrDefault(subject, Set.of()));
    }

    /** The owners naming this contact hash, and those naming any contact linked to it by a shared owner. */
    Resident resident(String subject) {
        Set<String> subjects = new LinkedHashSet<>(List.of(subject));
        Set<String> owners = new LinkedHashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(subjects);
        while (!todo.isEmpty()) {
            for (String owner : ownersBySubject.getOrDefault(todo.poll(), Set.of())) {
                if (owners.add(owner)) {
                    for (String linked : subjectsByOwner.getOrDefault(owner, Set.of())) {
                        if (subjects.add(linked)) {
                            todo.add(linked);
                        }
                    }
                }
            }
        }
        return new Resident(Set.copyOf(subjects), Set.copyOf(owners));
    }

    /** Forgets the keys of {@code owner} made before {@code at} (or of unknown age). */
    void forgetBefore(String owner, Instant at) {
        Map<Integer, DataKeyRecord> mine = keys.get(owner);
        if (mine == null || at == null) {
            return;
        }
        for (var key : List.copyOf(mine.entrySet())) {
            if (key.getValue().created() == null || key.getValue().created().isBefore(at)) {
                forget(owner, key.getKey());
            }
        }
    }

    /**
     * Remembers a key record and, when this process made the key, the opened key. A key forgotten here never comes
     * back (a new key has a new id). Remembering and forgetting exclude each other: the tail reading a key's own
     * record back while an anonymisation forgets that key must not bring it back.
     */
    synchronized void remember(String ref, DataKeyRecord record, Aead openedKey) {
        if (destroyed.contains(ref)) {
            return;
        }
        int keyId = Integer.parseInt(ref.substring(ref.lastIndexOf('/') + 1));
        keys.computeIfAbsent(record.owner(), o -> new ConcurrentHashMap<>()).put(keyId, record);
        for (String subject : record.subjects() == null ? List.<String>of() : record.subjects()) {
            ownersBySubject.computeIfAbsent(subject, s -> ConcurrentHashMap.newKeySet()).add(record.owner());
            subjectsByOwner.computeIfAbsent(record.owner(), o -> ConcurrentHashMap.newKeySet()).add(subject);
        }
        if (openedKey != null) {
            opened.put(ref, openedKey);
        }
    }

    synchronized void forget(String owner, int keyId) {
        String ref = KeyWrapping.ref(owner, keyId);
        destroyed.add(ref);
        opened.remove(ref);
        keys.computeIfPresent(owner, (o, mine) -> {
            mine.remove(keyId);
            return mine.isEmpty() ? null : mine;
        });
        if (!keys.containsKey(owner)) {
            Set<String> subjects = subjectsByOwner.remove(owner);
            for (String subject : subjects == null ? Set.<String>of() : subjects) {
                ownersBySubject.computeIfPresent(subject, (s, owners) -> {
                    owners.remove(owner);
                    return owners.isEmpty() ? null : owners;
                });
            }
        }
    }
}

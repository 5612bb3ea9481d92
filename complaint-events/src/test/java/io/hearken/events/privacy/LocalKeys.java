package io.hearken.events.privacy;

import com.google.crypto.tink.Aead;
import io.hearken.events.json.EventJson;
import io.hearken.events.privacy.DataKeys.DataKeyRecord;
import io.hearken.events.store.LocalStateProperties;
import io.hearken.events.store.LocalStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Data keys as a deployable knows them ({@link KnownKeys}: the records on local disk, bounded caches of opened keys),
 * without a broker: for cost harnesses of other modules whose reads must open keys the way production does, cache
 * misses included. Keys made here are remembered as if read back from the key topic.
 */
public final class LocalKeys implements SealingKeys, AutoCloseable {

    private final KeyWrapping wrapping = new KeyWrapping(MasterKey.fromBase64(SealingTest.MASTER));
    private final KnownKeys known;

    /** With the default cache of opened keys. */
    public LocalKeys() {
        this(KnownKeys.CACHED_KEYS);
    }

    /** {@code openedKeys}: as {@code hearken.privacy.opened-keys}. */
    public LocalKeys(int openedKeys) {
        this.known = new KnownKeys(wrapping, LocalStore.open(LocalStateProperties.defaults(), "local-keys"), openedKeys);
    }

    /** A sealing over fresh keys on local disk. */
    public Sealing sealing() {
        return new Sealing(() -> this, Optional::empty, EventJson.mapper());
    }

    @Override
    public synchronized Sealer sealer(String owner, List<String> subjects) {
        Sealer existing = known.newest(owner);
        if (existing != null) {
            return existing;
        }
        KeyWrapping.NewKey key = wrapping.create(owner);
        known.remember(key.ref(), new DataKeyRecord(owner, subjects, Instant.now(), key.wrapped()), key.aead());
        return new Sealer(key.keyId(), key.aead());
    }

    @Override
    public Optional<Aead> opener(String owner, int keyId) {
        return Optional.ofNullable(known.open(owner, keyId));
    }

    @Override
    public void forgetBefore(String owner, Instant at) {
        known.forgetBefore(owner, at);
    }

    @Override
    public void close() {
        known.close();
    }
}

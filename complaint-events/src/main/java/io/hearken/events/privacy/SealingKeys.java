package io.hearken.events.privacy;

import com.google.crypto.tink.Aead;
import java.util.List;
import java.util.Optional;

/** Where {@link Sealing} gets its keys: {@link DataKeys} on Kafka in every deployable. */
public interface SealingKeys {

    /** A key to seal with: its id goes beside the ciphertext. */
    record Sealer(int keyId, Aead aead) {
    }

    /** The key to seal {@code owner}'s data with, created (durably) when it has none; {@code subjects} name the resident. */
    Sealer sealer(String owner, List<String> subjects);

    /**
     * Creates, durably and together, the keys of the owners that have none yet ({@code owner → subjects}), so a
     * batch of new complaints costs one round trip to the key store instead of one each. Optional: {@link #sealer}
     * creates a missing key itself.
     */
    default void prepare(java.util.Map<String, List<String>> owners) {
    }

    /** The key {@code keyId} of {@code owner}; empty when it was destroyed (erased) or never existed. */
    Optional<Aead> opener(String owner, int keyId);

    /**
     * Forgets, in this process at once, the keys of {@code owner} made before {@code at}: an anonymisation was seen
     * (its key tombstones may still be on their way here). Keys made later (a note after the erasure) stay.
     */
    default void forgetBefore(String owner, java.time.Instant at) {
    }

    /**
     * When {@code owner}'s keys were last destroyed (an erasure: its tombstones' time, or the anonymisation's), or
     * null. Data dated before it is never sealed again: a new key would bring back what the erasure shredded.
     */
    default java.time.Instant erasedAt(String owner) {
        return null;
    }
}

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

    /** The key {@code keyId} of {@code owner}; empty when it was destroyed (erased) or never existed. */
    Optional<Aead> opener(String owner, int keyId);

    /**
     * Forgets, in this process at once, the keys of {@code owner} made before {@code at}: an anonymisation was seen
     * (its key tombstones may still be on their way here). Keys made later (a note after the erasure) stay.
     */
    default void forgetBefore(String owner, java.time.Instant at) {
    }
}

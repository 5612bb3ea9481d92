package io.hearken.events.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.hearken.events.json.EventJson;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Data keys held in this JVM only: for tests of the wire format that run without a broker. */
public final class InMemoryKeys implements SealingKeys {

    private final Map<String, Sealer> keys = new ConcurrentHashMap<>();

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A sealing over fresh in-memory keys. */
    public static Sealing sealing() {
        InMemoryKeys keys = new InMemoryKeys();
        return new Sealing(() -> keys, Optional::empty, EventJson.mapper());
    }

    @Override
    public Sealer sealer(String owner, List<String> subjects) {
        return keys.computeIfAbsent(owner, o -> {
            try {
                KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                return new Sealer(handle.getPrimary().getId(), handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public Optional<Aead> opener(String owner, int keyId) {
        Sealer sealer = keys.get(owner);
        return sealer != null && sealer.keyId() == keyId ? Optional.of(sealer.aead()) : Optional.empty();
    }

    public void destroy(String owner) {
        keys.remove(owner);
    }
}

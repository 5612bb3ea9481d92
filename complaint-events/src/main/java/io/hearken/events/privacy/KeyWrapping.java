package io.hearken.events.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Makes data keys and wraps them under the {@link MasterKey} (Tink), bound to their record key ({@code owner/keyId})
 * as associated data, so a keyset copied under another record key does not open.
 */
final class KeyWrapping {

    /** A new key: its id, its record key, its keyset encrypted under the master key, and the key itself. */
    record NewKey(int keyId, String ref, byte[] wrapped, Aead aead) {
    }

    private final MasterKey master;

    KeyWrapping(MasterKey master) {
        this.master = master;
    }

    NewKey create(String owner) {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            int keyId = handle.getPrimary().getId();
            String ref = ref(owner, keyId);
            byte[] keyset = TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, master.aead(), bytes(ref));
            return new NewKey(keyId, ref, keyset, primitive(handle));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create a data key", e);
        }
    }

    Aead unwrap(String ref, byte[] keyset) {
        try {
            return primitive(TinkProtoKeysetFormat.parseEncryptedKeyset(keyset, master.aead(), bytes(ref)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Data key " + ref + " does not open with this master key (is "
                    + MasterKey.PROPERTY + " the same in every module?)", e);
        }
    }

    /**
     * A data key's keyset holds one AES-GCM key (see {@link #create}): its primitive alone (the raw key and Tink's
     * 5-byte prefix) seals and opens exactly as the keyset's primitive does, and an opened key then holds ~380 B in
     * the cache instead of ~880 B (KeysFootprint), so the cache holds more for the same heap. Any other keyset gets
     * Tink's general primitive.
     */
    private static Aead primitive(KeysetHandle handle) throws GeneralSecurityException {
        if (handle.size() == 1 && handle.getPrimary().getKey() instanceof AesGcmKey key) {
            return AesGcmJce.create(key);
        }
        return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    /** The record key of a data key on the key topic. */
    static String ref(String owner, int keyId) {
        return owner + "/" + keyId;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

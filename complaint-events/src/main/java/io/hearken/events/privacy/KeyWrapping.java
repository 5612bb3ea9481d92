package io.hearken.events.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
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
            return new NewKey(keyId, ref, keyset, handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create a data key", e);
        }
    }

    Aead unwrap(String ref, byte[] keyset) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(keyset, master.aead(), bytes(ref))
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Data key " + ref + " does not open with this master key (is "
                    + MasterKey.PROPERTY + " the same in every module?)", e);
        }
    }

    /** The record key of a data key on the key topic. */
    static String ref(String owner, int keyId) {
        return owner + "/" + keyId;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

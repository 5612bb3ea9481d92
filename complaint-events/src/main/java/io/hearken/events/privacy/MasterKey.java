package io.hearken.events.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The key that encrypts every data key on {@code privacy.keys} ({@link DataKeys}). From configuration
 * ({@code hearken.privacy.master-key}: 32 random bytes, base64) by default; an operator with a KMS declares a bean of
 * this type wrapping the KMS's {@link Aead} instead (Tink's {@code KmsClient#getAead}), and the key never leaves it.
 * Lose it and every complaint's personal data is unreadable; leak it with the topic and it is readable.
 */
public record MasterKey(Aead aead) {

    public static final String PROPERTY = "hearken.privacy.master-key";
    private static final int KEY_BYTES = 32;

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The key from its base64 text ({@code openssl rand -base64 32}); a clear error naming the setting otherwise. */
    public static MasterKey fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(PROPERTY + " (HEARKEN_PRIVACY_MASTERKEY) is not set: it encrypts the keys"
                    + " that seal residents' personal data in Kafka; set 32 random bytes, base64, the same in every"
                    + " module (openssl rand -base64 32), and back it up apart from Kafka");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException(PROPERTY + " must be " + KEY_BYTES + " bytes in base64 (openssl rand"
                    + " -base64 32); it is " + (raw.length == 0 ? "not base64" : raw.length + " bytes"));
        }
        try {
            AesGcmParameters parameters = AesGcmParameters.builder().setKeySizeBytes(KEY_BYTES).setIvSizeBytes(12)
                    .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
            AesGcmKey key = AesGcmKey.builder().setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get())).build();
            KeysetHandle handle = KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(key).withFixedId(1).makePrimary()).build();
            return new MasterKey(handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[****]";
    }
}

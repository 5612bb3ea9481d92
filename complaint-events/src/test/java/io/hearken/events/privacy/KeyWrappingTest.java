package io.hearken.events.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;

/**
 * The opened data key is the AES-GCM key's own primitive, not the keyset's: it must seal and open exactly as Tink's
 * keyset primitive does (data sealed before, by other processes or versions, keeps opening), prefix included.
 */
class KeyWrappingTest {

    static final byte[] PLAIN = "张伟 13812345678".getBytes(StandardCharsets.UTF_8);
    static final byte[] CONTEXT = "complaint-received|HK-WRAP-0001".getBytes(StandardCharsets.UTF_8);

    @Test
    void anOpenedKeySealsAndOpensAsTheKeysetPrimitiveDoes() throws Exception {
        AeadConfig.register();
        KeyWrapping wrapping = new KeyWrapping(MasterKey.fromBase64(SealingTest.MASTER));
        KeyWrapping.NewKey key = wrapping.create("HK-WRAP-0001");
        Aead opened = wrapping.unwrap(key.ref(), key.wrapped());
        Aead keyset = TinkProtoKeysetFormat.parseEncryptedKeyset(key.wrapped(),
                MasterKey.fromBase64(SealingTest.MASTER).aead(), key.ref().getBytes(StandardCharsets.UTF_8))
                .getPrimitive(RegistryConfiguration.get(), Aead.class);

        assertThat(opened.decrypt(keyset.encrypt(PLAIN, CONTEXT), CONTEXT)).isEqualTo(PLAIN);
        assertThat(keyset.decrypt(opened.encrypt(PLAIN, CONTEXT), CONTEXT)).isEqualTo(PLAIN);
        assertThat(keyset.decrypt(key.aead().encrypt(PLAIN, CONTEXT), CONTEXT)).isEqualTo(PLAIN);
        // Tink's prefix names the key: 0x01 and the key id.
        byte[] sealed = opened.encrypt(PLAIN, CONTEXT);
        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(java.nio.ByteBuffer.wrap(sealed, 1, 4).getInt()).isEqualTo(key.keyId());
        // Bound to its context, and to its own key.
        assertThatThrownBy(() -> opened.decrypt(sealed, "other".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GeneralSecurityException.class);
        KeyWrapping.NewKey other = wrapping.create("HK-WRAP-0002");
        assertThatThrownBy(() -> wrapping.unwrap(other.ref(), other.wrapped()).decrypt(sealed, CONTEXT))
                .isInstanceOf(GeneralSecurityException.class);
    }
}

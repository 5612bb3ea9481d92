package io.hearken.events.privacy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The privacy settings of a deployable, read once ({@link PrivacyAutoConfiguration}).
 *
 * @param secret    the pepper of the keyed contact hashes ({@link PersonalData#hash}): required where contacts are
 *                  hashed, the same in every module of a deployment (a hash made by an intake adapter must equal the
 *                  one analytics indexed), and never stored anywhere it hashes into. The {@code prod} profile also
 *                  refuses a short or default one.
 * @param masterKey the key that encrypts the data keys ({@link MasterKey}): 32 random bytes, base64, the same in
 *                  every module; required wherever events are read or written.
 * @param retention how long a complaint keeps its personal data after it was last closed (e.g. {@code 1095d}); then
 *                  it is anonymised as by an erasure. Null (the default): kept until erased.
 * @param openedKeys how many opened data keys a process keeps on the heap (default 25,000, ~380 B each); more saves
 *                  the CPU of opening a key again where one look-up reads many complaints (the router's duplicate
 *                  look-up in a crowded window), at that cost in heap.
 */
@ConfigurationProperties("hearken.privacy")
public record PrivacyProperties(String secret, String masterKey, Duration retention,
        @DefaultValue("25000") int openedKeys) {

    public PrivacyProperties {
        if (openedKeys < 1) {
            throw new IllegalArgumentException("hearken.privacy.opened-keys must be at least 1, not " + openedKeys);
        }
    }

    public static final String SECRET = "hearken.privacy.secret";

    /** Only the secret: for code and tests that hash and nothing more. */
    public static PrivacyProperties ofSecret(String secret) {
        return new PrivacyProperties(secret, null, null, KnownKeys.CACHED_KEYS);
    }

    /** The secret, or a clear error naming the setting. */
    public String requiredSecret() {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(SECRET + " (HEARKEN_PRIVACY_SECRET) is not set: it keys the hashes of"
                    + " residents' contacts; set the same random secret in every module (openssl rand -hex 32)");
        }
        return secret;
    }

    @Override
    public String toString() {
        return "PrivacyProperties[secret=****, masterKey=****, retention=" + retention + ", openedKeys=" + openedKeys + "]";
    }
}

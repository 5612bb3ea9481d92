package io.hearken.events.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The privacy settings of a deployable, read once ({@link PrivacyAutoConfiguration}).
 *
 * @param secret the pepper of the keyed contact hashes ({@link PersonalData#hash}): required, the same in every
 *               module of a deployment (a hash made by an intake adapter must equal the one analytics indexed), and
 *               never stored anywhere it hashes into. The {@code prod} profile also refuses a short or default one.
 */
@ConfigurationProperties("hearken.privacy")
public record PrivacyProperties(String secret) {

    public static final String SECRET = "hearken.privacy.secret";

    public PrivacyProperties {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(SECRET + " (HEARKEN_PRIVACY_SECRET) is not set: it keys the hashes of"
                    + " residents' contacts; set the same random secret in every module (openssl rand -hex 32)");
        }
    }

    @Override
    public String toString() {
        return "PrivacyProperties[secret=****]";
    }
}

package io.hearken.notifier.satisfaction;

import io.hearken.events.ComplaintId;
import io.hearken.notifier.Languages;
import io.hearken.notifier.NotifierProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The satisfaction link's token: {@code base64url(complaint id | expiry | language | resolution ref)} + "." +
 * {@code base64url(HMAC-SHA256)} keyed by {@code hearken.notifier.link-secret}. No server state: whoever holds
 * an unexpired token may rate that complaint once it is resolved; nobody can make one for another complaint.
 */
@Component("notifierSatisfactionTokens")
public class SatisfactionTokens {

    /** What a token says, when its signature holds. */
    public record Claims(ComplaintId complaintId, Instant expires, Locale locale, String resolutionRef) {

        public boolean expiredAt(Instant now) {
            return !now.isBefore(expires);
        }
    }

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final byte[] key;
    private final Clock clock;

    @Autowired
    SatisfactionTokens(NotifierProperties properties) {
        this(properties.linkSecret(), Clock.systemUTC());
    }

    SatisfactionTokens(String secret, Clock clock) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("hearken.notifier.link-secret must be set");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    public String issue(ComplaintId id, Instant expires, Locale locale, String resolutionEventId) {
        String ref = ref(resolutionEventId);
        String payload = id.value() + "|" + expires.getEpochSecond() + "|" + Languages.tag(locale) + "|" + ref;
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(bytes) + "." + ENCODE.encodeToString(sign(bytes));
    }

    /** The short reference of a resolution event id that a token carries. */
    public static String ref(String resolutionEventId) {
        String ref = resolutionEventId == null ? "-" : resolutionEventId.replaceAll("[^A-Za-z0-9]", "");
        return ref.substring(0, Math.min(12, ref.length()));
    }

    /** The claims of a genuine token (expired or not), or {@code null} for a forged or mangled one. */
    public Claims read(String token) {
        if (token == null || token.length() > 300) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            byte[] payload = DECODE.decode(token.substring(0, dot));
            byte[] signature = DECODE.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(sign(payload), signature)) {
                return null;
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 4) {
                return null;
            }
            return new Claims(ComplaintId.of(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1])),
                    Languages.locale(parts[2]), parts[3]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public Instant now() {
        return clock.instant();
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

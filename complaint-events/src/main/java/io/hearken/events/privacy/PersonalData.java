package io.hearken.events.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How personal data leaves the departments: masked for a log line, hashed (keyed HMAC-SHA256) where
 * repeats must still match. Every module uses this one class (one bean, {@link PrivacyAutoConfiguration}), so a
 * hash made by analytics equals one made by an intake adapter for the same address. Free text:
 * {@link FreeTextMasking}.
 */
public final class PersonalData {

    /**
     * A mail address inside text, to be {@link #hash hashed} and compared: ASCII local part and domain, so the
     * Chinese written right before or after it ({@code 邮箱zhang.wei@example.com谢谢}) and a full stop after it stay
     * out. Linear in the text: a match starts only where a run starts (the look-behind) and the run is never given
     * back (possessive), so a long run with no {@code @} costs one pass, not one pass per character.
     */
    public static final Pattern ADDRESS_IN_TEXT = Pattern.compile(
            "(?<![A-Za-z0-9._%+'\\-])[A-Za-z0-9._%+'\\-]++@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*");

    private final byte[] key;
    /** A Mac per thread: {@code Mac.getInstance} looks up a provider each time, and an erasure hashes every number. */
    private final ThreadLocal<Mac> macs;

    /** {@code secret}: the deployment's pepper ({@code hearken.privacy.secret}); keep it out of the indices. */
    public PersonalData(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("hearken.privacy.secret must be set");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** Lower-case e-mail, or the digits of a phone number (a leading +86 / 0086 is dropped). */
    public static String normalize(String emailOrPhone) {
        if (emailOrPhone == null) {
            return null;
        }
        String s = emailOrPhone.strip();
        if (s.contains("@")) {
            return s.toLowerCase(Locale.ROOT);
        }
        String digits = s.replaceAll("\\D", "");
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits;
    }

    /** A stable, non-reversible token for matching; {@code null} for a missing value. */
    public String hash(String emailOrPhone) {
        String normalized = normalize(emailOrPhone);
        if (normalized == null || normalized.isEmpty()) {
            return null;
        }
        return HexFormat.of().formatHex(macs.get().doFinal(normalized.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * {@code zhang.wei@example.com} → {@code z***@example.com}; {@code 13812345678} → {@code 138****5678}. For logs
     * and notification records only: never store it beside {@link #hash} (7 of 11 digits leave 10^4 numbers to try).
     */
    public static String mask(String emailOrPhone) {
        if (emailOrPhone == null || emailOrPhone.isBlank()) {
            return null;
        }
        String s = emailOrPhone.strip();
        int at = s.indexOf('@');
        if (at > 0) {
            return s.charAt(0) + "***" + s.substring(at);
        }
        String digits = s.replaceAll("\\D", "");
        if (digits.length() < 7) {
            return "****";
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }
}

package io.hearken.intake.email.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The address and display name of whoever sent a mail, read from headers as clients really write them. */
record Sender(String address, String name) {

    /** An address anywhere in a header that no parser accepts; linear (a run is never given back). */
    private static final Pattern PLAIN_ADDRESS = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");
    private static final Pattern QUOTES_AROUND = Pattern.compile("^[\"']+|[\"']+$");
    private static final Pattern LOOSE_ADDRESS = Pattern.compile("(?<![\\w.+'-])[\\w.+'-]++@[\\w-]+(\\.[\\w-]+)+");

    /** From, else Sender, else Reply-To; lenient about the broken address syntax clients produce. */
    static Sender of(MimeMessage message) throws MessagingException {
        for (String header : new String[] {"From", "Sender", "Reply-To"}) {
            String raw = message.getHeader(header, ",");
            if (raw == null || raw.isBlank()) {
                continue;
            }
            InternetAddress a = address(raw);
            if (a != null) {
                return new Sender(a.getAddress().strip().toLowerCase(Locale.ROOT), displayName(raw, a));
            }
            // Some mailers encode the whole header, address included, as one encoded word.
            String decoded = EncodedWords.decode(raw);
            a = decoded.equals(raw) ? null : address(decoded);
            if (a != null) {
                return new Sender(a.getAddress().strip().toLowerCase(Locale.ROOT), displayName(decoded, a));
            }
        }
        return null;
    }

    /** Decoded from the raw header ourselves: split encoded words and mislabelled GBK are repaired there. */
    private static String displayName(String raw, InternetAddress a) {
        int lt = raw.indexOf('<');
        String name = lt > 0 ? EncodedWords.decode(raw.substring(0, lt))
                : a.getPersonal() == null ? null : EncodedWords.repair8bit(a.getPersonal());
        if (name == null) {
            return null;
        }
        name = QUOTES_AROUND.matcher(name.strip()).replaceAll("").strip();
        return name.isEmpty() || name.contains("@") && name.equalsIgnoreCase(a.getAddress()) ? null : name;
    }

    private static InternetAddress address(String raw) {
        try {
            for (InternetAddress a : InternetAddress.parseHeader(raw, false)) {
                String addr = a.getAddress();
                if (addr != null && PLAIN_ADDRESS.matcher(addr).matches()) {
                    return a;
                }
            }
        } catch (AddressException ignored) {
            // fall through to the plain pattern
        }
        Matcher m = LOOSE_ADDRESS.matcher(raw);
        if (m.find()) {
            try {
                return new InternetAddress(m.group(), null, "UTF-8");
            } catch (UnsupportedEncodingException e) {
                return null;
            }
        }
        return null;
    }
}

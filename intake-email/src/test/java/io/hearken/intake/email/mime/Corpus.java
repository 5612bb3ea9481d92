package io.hearken.intake.email.mime;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The realistic test mails under {@code src/test/resources/mail}. */
public final class Corpus {

    private static final Session SESSION = Session.getInstance(new Properties()); // building one scans the class path

    private Corpus() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream("/mail/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test mail " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MimeMessage message(String name) {
        return parse(bytes(name));
    }

    public static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(SESSION, new java.io.ByteArrayInputStream(raw));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

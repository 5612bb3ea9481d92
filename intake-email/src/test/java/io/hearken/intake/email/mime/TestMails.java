package io.hearken.intake.email.mime;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/** Mails made in the test (too big to commit, or varied per test). */
public final class TestMails {

    private TestMails() {
    }

    /** A plain UTF-8 mail. */
    public static byte[] plain(String from, String messageId, String subject, String text, String... extraHeaders) {
        StringBuilder s = new StringBuilder();
        s.append("From: ").append(from).append("\r\nTo: complaints@hearken.local\r\n");
        s.append("Subject: ").append(subject).append("\r\n");
        s.append("Date: Mon, 23 Nov 2026 10:00:00 +0800\r\n");
        if (messageId != null) {
            s.append("Message-ID: ").append(messageId).append("\r\n");
        }
        for (String h : extraHeaders) {
            s.append(h).append("\r\n");
        }
        s.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        s.append(Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))).append("\r\n");
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A mail with one attachment of {@code size} random bytes (base64, so the mail is a third bigger). */
    public static byte[] withAttachment(String from, String messageId, String subject, String text, String fileName, int size) {
        byte[] data = new byte[size];
        new Random(42).nextBytes(data);
        StringBuilder s = new StringBuilder(size * 4 / 3 + 4096);
        s.append("From: ").append(from).append("\r\nTo: complaints@hearken.local\r\n");
        s.append("Subject: ").append(subject).append("\r\nMessage-ID: ").append(messageId).append("\r\n");
        s.append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n");
        s.append("--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").append(text).append("\r\n");
        s.append("--b1\r\nContent-Type: application/octet-stream; name=\"").append(fileName).append("\"\r\n");
        s.append("Content-Disposition: attachment; filename=\"").append(fileName).append("\"\r\n");
        s.append("Content-Transfer-Encoding: base64\r\n\r\n");
        s.append(Base64.getMimeEncoder().encodeToString(data)).append("\r\n--b1--\r\n");
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }
}

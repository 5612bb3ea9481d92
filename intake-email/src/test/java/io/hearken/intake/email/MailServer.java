package io.hearken.intake.email;

import io.hearken.embedded.EmbeddedMail;
import io.hearken.embedded.EmbeddedServers;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The test's side of the real mail server: raw SMTP delivery and IMAP look-ups as the mailbox owner. */
public final class MailServer {

    private MailServer() {
    }

    /** Sends the bytes exactly as they are over SMTP to the complaints mailbox. */
    public static void deliver(byte[] raw) {
        deliver(EmbeddedMail.COMPLAINTS_ADDRESS, raw);
    }

    /** Sends the bytes exactly as they are over SMTP to {@code to}'s mailbox. */
    public static void deliver(String to, byte[] raw) {
        int port = EmbeddedServers.current().mail().smtpPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "EHLO test.local", "250");
            command(out, in, "MAIL FROM:<resident@example.com>", "250");
            command(out, in, "RCPT TO:<" + to + ">", "250");
            command(out, in, "DATA", "354");
            out.write(dotStuffed(raw));
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(in, "250");
            command(out, in, "QUIT", "221");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] dotStuffed(byte[] raw) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length + 1024);
        boolean lineStart = true;
        for (byte b : raw) {
            if (lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        if (!lineStart) {
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    private static void command(OutputStream out, BufferedReader in, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, code);
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new IOException("SMTP: expected " + code + " but got " + line);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
    }

    /** Works with the complaints mailbox over IMAP. */
    public interface MailboxWork<T> {
        T with(Store store) throws Exception;
    }

    public static <T> T imap(MailboxWork<T> work) {
        return imap(EmbeddedMail.COMPLAINTS_ADDRESS, EmbeddedMail.COMPLAINTS_PASSWORD, work);
    }

    public static <T> T imap(String user, String password, MailboxWork<T> work) {
        Properties p = new Properties();
        p.put("mail.imap.connectiontimeout", "30000");
        p.put("mail.imap.timeout", "60000");
        try {
            Store store = Session.getInstance(p).getStore("imap");
            store.connect("127.0.0.1", EmbeddedServers.current().mail().imapPort(), user, password);
            try {
                return work.with(store);
            } finally {
                store.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the mail with this Message-ID is now, and whether it is flagged \Seen there. */
    public record Place(String folder, boolean seen, String quarantineReason) {
    }

    public static Place find(String messageId) {
        return find(EmbeddedMail.COMPLAINTS_ADDRESS, EmbeddedMail.COMPLAINTS_PASSWORD, messageId);
    }

    public static Place find(String user, String password, String messageId) {
        return imap(user, password, store -> {
            for (String name : new String[] {"INBOX", "Processed", "Quarantine"}) {
                Folder f = store.getFolder(name);
                if (!f.exists()) {
                    continue;
                }
                f.open(Folder.READ_ONLY);
                try {
                    for (Message m : f.search(new HeaderTerm("Message-ID", messageId))) {
                        if (m.isSet(Flags.Flag.DELETED)) {
                            continue;
                        }
                        String[] reason = m.getHeader("X-Hearken-Quarantine-Reason");
                        return new Place(name, m.isSet(Flags.Flag.SEEN), reason == null ? null
                                : jakarta.mail.internet.MimeUtility.decodeText(jakarta.mail.internet.MimeUtility.unfold(reason[0])));
                    }
                } finally {
                    f.close(false);
                }
            }
            return null;
        });
    }

    /** Appends the raw mail to a folder (created when missing), as another client or a server-side rule would. */
    public static void append(String folder, byte[] raw) {
        imap(store -> {
            Folder f = store.getFolder(folder);
            if (!f.exists()) {
                f.create(Folder.HOLDS_MESSAGES);
            }
            f.appendMessages(new Message[] {new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw))});
            return null;
        });
    }
}

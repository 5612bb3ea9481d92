package io.hearken.embedded.mail;

import io.hearken.embedded.EmbeddedMail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The embedded mail server alone in a JVM, for the crash test: {@code <data dir> <file to write the ports to>}. */
public final class MailServerMain {

    private MailServerMain() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedMail mail = EmbeddedMail.start(Path.of(args[0]), EmbeddedMail.limits(1_000, 5_000, 10_000), 0, 0);
        Path ports = Path.of(args[1]);
        Path tmp = ports.resolveSibling(ports.getFileName() + ".tmp");
        Files.writeString(tmp, mail.smtpPort() + " " + mail.imapPort(), StandardCharsets.US_ASCII);
        Files.move(tmp, ports, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(Long.MAX_VALUE); // until killed
    }
}

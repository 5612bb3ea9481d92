package io.hearken.embedded.mail;

import io.hearken.embedded.EmbeddedMail;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Heap the embedded mail server keeps per resident who got a mail: sends one mail to each of {@code residents}
 * addresses twice over (the mail bounds: 20 a mailbox, 3,000 in all, as the all-in-one), and prints the heap growth
 * between the first and the second half divided by the residents of the second half (the mails kept are about the same
 * in both: the total is kept a tenth at a time, so 3,100 and 3,200 at 20,000 residents, ~0.9 MB or ~90 bytes a resident
 * of the figure apart). Not a test: {@code java -cp <test classpath> io.hearken.embedded.mail.MailFootprint [residents] [dir]}.
 */
public final class MailFootprint {

    private MailFootprint() {
    }

    public static void main(String[] args) throws Exception {
        quietLogs();
        int residents = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path base = args.length > 1 ? Path.of(args[1]) : Path.of(Files.isDirectory(Path.of("/dev/shm")) ? "/dev/shm" : "target");
        Path dir = Files.createTempDirectory(base, "mail-footprint-");
        try (EmbeddedMail mail = EmbeddedMail.start(dir, EmbeddedMail.limits(20, 2_000, 3_000), 0, 0)) {
            Session session = Session.getInstance(new Properties());
            Transport smtp = session.getTransport("smtp");
            smtp.connect("127.0.0.1", mail.smtpPort(), null, null);
            send(smtp, session, 0, residents / 2);
            long half = usedHeap();
            send(smtp, session, residents / 2, residents);
            long all = usedHeap();
            smtp.close();
            System.out.printf("Mail footprint: %d residents; heap %,d B after the first %d, %,d B after all: %,d B per resident%n",
                    residents, half, residents / 2, all, (all - half) / (residents - residents / 2));
        }
    }

    private static void send(Transport smtp, Session session, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress("notifier@hearken.local"));
            m.setRecipients(Message.RecipientType.TO, "resident" + i + "@example.com");
            m.setSubject("Your complaint HK-" + i, "UTF-8");
            m.setText("We received your complaint. 我们已收到您的投诉。", "UTF-8");
            smtp.sendMessage(m, m.getAllRecipients());
        }
    }

    static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** As the all-in-one (GreenMail at WARN): a line logged per account made would be most of the cost measured. */
    static void quietLogs() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }
}

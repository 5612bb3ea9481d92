package io.hearken.embedded.mail;

import static io.hearken.embedded.EmbeddedMail.COMPLAINTS_ADDRESS;
import static io.hearken.embedded.EmbeddedMail.COMPLAINTS_PASSWORD;

import io.hearken.embedded.EmbeddedMail;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * The embedded mail server's CPU per mail: a burst of SMTP deliveries (each to a new resident, as the acknowledgement
 * mails, plus {@code complaints} mails to the complaints inbox) over a few connections, then the email intake's IMAP
 * steps over the complaints inbox (FETCH UID FLAGS SIZE, STORE \Seen, MOVE to Processed, 200 mails a batch).
 * Server CPU = the process's CPU less the client threads' own. Not a test:
 * {@code java -cp <test classpath> io.hearken.embedded.mail.MailCost [mails] [connections] [complaints] [dir]}.
 *
 * <p>{@code MailCost full [perMailbox] [mails] [connections] [total] [dir]} (defaults 5,000, 5,000, 4, 0, target): the
 * server CPU per delivery into one mailbox while it fills up to its {@code perMailbox} limit (nothing dropped), then per
 * delivery into it once full (every delivery makes room); {@code total} 0 leaves the limit of all folders together out.
 * Then the same for mail stored straight into a folder (as the SMTP server does once it has the mail), without SMTP's
 * cost and noise: the storing thread's own CPU.
 */
public final class MailCost {

    private MailCost() {
    }

    public static void main(String[] args) throws Exception {
        quietLogs();
        if (args.length > 0 && args[0].equals("full")) {
            full(args);
            return;
        }
        int mails = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int complaints = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
        Path base = args.length > 3 ? Path.of(args[3]) : Path.of("target");
        Files.createDirectories(base);
        Path dir = Files.createTempDirectory(base, "mail-cost-");
        try (EmbeddedMail mail = EmbeddedMail.start(dir, EmbeddedMail.limits(20, 2_000, 3_000), 0, 0)) {
            send(mail, 500, connections, "warm", false); // JIT
            AtomicLong client = new AtomicLong();
            long cpu0 = processCpu();
            long t0 = System.nanoTime();
            client.addAndGet(send(mail, mails, connections, "ack", false));
            long smtpCpu = processCpu() - cpu0 - client.get();
            System.out.printf("SMTP: %d mails over %d connections in %d ms; server CPU %.3f ms a mail%n", mails, connections,
                    (System.nanoTime() - t0) / 1_000_000, smtpCpu / 1e6 / mails);

            send(mail, complaints, connections, "complaint", true);
            long cpu1 = processCpu();
            long t1 = System.nanoTime();
            long moveClient = moveAll(mail);
            long imapCpu = processCpu() - cpu1 - moveClient;
            System.out.printf("IMAP: %d mails moved INBOX -> Processed in %d ms; server CPU %.1f ms per 1,000 moves%n", complaints,
                    (System.nanoTime() - t1) / 1_000_000, imapCpu / 1e6 / complaints * 1_000);
        }
    }

    private static void full(String[] args) throws Exception {
        int perMailbox = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int mails = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int total = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        Path base = args.length > 5 ? Path.of(args[5]) : Path.of("target");
        Files.createDirectories(base);
        Path dir = Files.createTempDirectory(base, "mail-cost-");
        String one = "full@example.com";
        try (EmbeddedMail mail = EmbeddedMail.start(dir, EmbeddedMail.limits(perMailbox, 2_000, total), 0, 0)) {
            send(mail, 500, connections, "warm", false); // JIT
            send(mail, 500, connections, i -> "warm@example.com", "warm");
            long cpu0 = processCpu();
            long client = send(mail, perMailbox, connections, i -> one, "filling");
            double filling = (processCpu() - cpu0 - client) / 1e6 / perMailbox;
            System.out.printf("%,d mails into one mailbox up to its limit (nothing dropped): server CPU %.3f ms a mail%n", perMailbox,
                    filling);

            send(mail, perMailbox / 5 + 500, connections, i -> one, "over"); // past what it may hold over its limit
            long cpu1 = processCpu();
            long t1 = System.nanoTime();
            client = send(mail, mails, connections, i -> one, "full");
            double full = (processCpu() - cpu1 - client) / 1e6 / mails;
            int held = mail.greenMail().getManagers().getImapHostManager()
                    .getInbox(mail.greenMail().getUserManager().getUserByEmail(one)).getMessageCount();
            System.out.printf("%,d mails into that mailbox, full (holds %,d now) in %d ms: server CPU %.3f ms a mail (%+.3f ms)%n",
                    mails, held, (System.nanoTime() - t1) / 1_000_000, full, full - filling);

            // The same without SMTP: stored straight into a folder as the SMTP server does, one thread, its own CPU.
            String direct = "direct@example.com";
            send(mail, 1, 1, i -> direct, "first"); // makes the account
            DurableFolder folder = (DurableFolder) mail.greenMail().getManagers().getImapHostManager()
                    .getInbox(mail.greenMail().getUserManager().getUserByEmail(direct));
            store(folder, perMailbox / 2); // JIT
            long storeFilling = store(folder, perMailbox - perMailbox / 2 - 1);
            store(folder, perMailbox / 5 + 500);
            long storeFull = store(folder, mails);
            System.out.printf("Stored straight into a mailbox: %.1f us a mail up to its limit, %.1f us a mail once full%n",
                    storeFilling / 1e3 / (perMailbox - perMailbox / 2 - 1), storeFull / 1e3 / mails);
        }
    }

    /** The thread's CPU (ns) for {@code mails} mails stored into the folder. */
    private static long store(DurableFolder folder, int mails) throws Exception {
        List<MimeMessage> made = new ArrayList<>();
        for (int i = 0; i < mails; i++) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            m.setFrom(new InternetAddress("notifier@hearken.local"));
            m.setSubject("Stored " + i, "UTF-8");
            m.setText("楼上漏水, water through the ceiling. Mail " + i, "UTF-8");
            m.saveChanges();
            made.add(m);
        }
        long start = threadCpu();
        for (MimeMessage m : made) {
            folder.appendMessage(m, new Flags(), new java.util.Date());
        }
        return threadCpu() - start;
    }

    /** Client CPU spent (ns). */
    private static long send(EmbeddedMail mail, int mails, int connections, String kind, boolean toComplaints) throws Exception {
        return send(mail, mails, connections, i -> toComplaints ? COMPLAINTS_ADDRESS : kind + i + "@example.com",
                toComplaints ? "complaint" : kind, toComplaints);
    }

    private static long send(EmbeddedMail mail, int mails, int connections, java.util.function.IntFunction<String> to, String kind)
            throws Exception {
        return send(mail, mails, connections, to, kind, false);
    }

    /** Client CPU spent (ns); mail {@code i} goes to {@code to.apply(i)}. */
    private static long send(EmbeddedMail mail, int mails, int connections, java.util.function.IntFunction<String> to, String kind,
            boolean fromResidents) throws Exception {
        AtomicLong clientCpu = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        Session session = Session.getInstance(new Properties());
        for (int c = 0; c < connections; c++) {
            int conn = c;
            Thread t = new Thread(() -> {
                long start = threadCpu();
                try {
                    Transport smtp = session.getTransport("smtp");
                    smtp.connect("127.0.0.1", mail.smtpPort(), null, null);
                    for (int i = conn; i < mails; i += connections) {
                        MimeMessage m = new MimeMessage(session);
                        m.setFrom(new InternetAddress(fromResidents ? "resident" + i + "@example.com" : "notifier@hearken.local"));
                        m.setRecipients(Message.RecipientType.TO, to.apply(i));
                        m.setSubject("Complaint HK-" + kind + i, "UTF-8");
                        m.setText("楼上漏水, water through the ceiling. Mail " + kind + " " + i, "UTF-8");
                        smtp.sendMessage(m, m.getAllRecipients());
                    }
                    smtp.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                clientCpu.addAndGet(threadCpu() - start);
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return clientCpu.get();
    }

    /** What the email intake does, batch by batch; returns the client's CPU (ns). */
    private static long moveAll(EmbeddedMail mail) throws Exception {
        long start = threadCpu();
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", mail.imapPort(), COMPLAINTS_ADDRESS, COMPLAINTS_PASSWORD);
        Folder processed = store.getFolder("Processed");
        if (!processed.exists()) {
            processed.create(Folder.HOLDS_MESSAGES);
        }
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        Message[] all = inbox.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.SIZE);
        inbox.fetch(all, profile);
        for (int from = 0; from < all.length; from += 200) {
            Message[] batch = Arrays.copyOfRange(all, from, Math.min(all.length, from + 200));
            inbox.setFlags(batch, new Flags(Flags.Flag.SEEN), true);
            inbox.moveMessages(batch, processed);
        }
        inbox.close(false);
        store.close();
        return threadCpu() - start;
    }

    private static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** As the all-in-one (GreenMail at WARN): a line logged per account made would be most of the cost measured. */
    static void quietLogs() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }
}

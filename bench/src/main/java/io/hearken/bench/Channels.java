package io.hearken.bench;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.imap.IMAPFolder;

/** The other ways in, each timed to routed: the IMAP mailbox, a hotline transcript file, and the classifier. */
final class Channels {

    private final Context c;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Channels(Context c) {
        this.c = c;
    }

    /** Texts/s through {@code POST /api/v1/triage} (the classifier while an agent types), 8 in flight. */
    double classifier(int texts) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < texts; i++) {
            bodies.add("{\"text\":" + Corpus.q(c.corpus().text()) + "}");
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < texts; i = next.getAndIncrement()) {
                    var r = http.send(HttpRequest.newBuilder(URI.create(c.app().web() + "/api/v1/triage"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("triage: " + r.statusCode());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
        return texts / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * {mails/s from the first SMTP send to the last of them routed, seconds to drop them all, mails/s from the first
     * send to the last of them on {@code intake.email} (the channel alone, before the router)}.
     */
    double[] imap(int mails) throws Exception {
        c.drain();
        long routedBefore = c.tail().routed("email");
        long intakeBefore = c.tail().mailIntake();
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(c.app().smtpPort));
        Session session = Session.getInstance(props);
        long start = System.nanoTime();
        try (Transport smtp = session.getTransport("smtp")) {
            smtp.connect();
            for (int i = 0; i < mails; i++) {
                MimeMessage m = mail(session, i);
                smtp.sendMessage(m, m.getAllRecipients());
            }
        }
        double dropped = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (c.tail().mailIntake() < intakeBefore + mails && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double taken = (c.tail().mailIntake() - intakeBefore) / ((System.nanoTime() - start) / 1e9);
        long routed = awaitRouted("email", routedBefore + mails);
        return new double[] {(routed - routedBefore) / ((System.nanoTime() - start) / 1e9), dropped, taken};
    }

    /**
     * Mails/s from a full inbox to {@code intake.email}: the mails are put into a folder of the complaints mailbox
     * first (IMAP APPEND), then moved into the inbox with one command, so the channel's own pace is timed, not SMTP's.
     */
    double imapInbox(int mails) throws Exception {
        c.drain();
        long intakeBefore = c.tail().mailIntake();
        Properties props = new Properties();
        Session session = Session.getInstance(props);
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", c.app().imapPort, "complaints@hearken.local", "hearken");
            Folder staging = store.getFolder("BenchStaging");
            if (!staging.exists()) {
                staging.create(Folder.HOLDS_MESSAGES);
            }
            Message[] batch = new Message[mails];
            for (int i = 0; i < mails; i++) {
                batch[i] = mail(session, i);
            }
            staging.appendMessages(batch);
            staging.open(Folder.READ_WRITE);
            Message[] staged = staging.getMessages();
            long start = System.nanoTime();
            ((IMAPFolder) staging).moveMessages(staged, store.getFolder("INBOX"));
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (c.tail().mailIntake() < intakeBefore + mails && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double rate = (c.tail().mailIntake() - intakeBefore) / ((System.nanoTime() - start) / 1e9);
            staging.close(false);
            return rate;
        }
    }

    private MimeMessage mail(Session session, int i) throws Exception {
        Corpus.Complaint complaint = c.corpus().next();
        MimeMessage m = new MimeMessage(session);
        // A new address each: a mail from a resident with an open complaint may be taken as its follow-up.
        m.setFrom(new InternetAddress("mail" + i + "." + System.nanoTime() + "@bench.example"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("complaints@hearken.local"));
        m.setSubject(complaint.subject() + " " + complaint.building(), "UTF-8");
        m.setText(complaint.description() + "\n\n" + complaint.name() + "\n" + complaint.building() + " "
                + complaint.unit(), "UTF-8");
        m.setSentDate(new java.util.Date());
        return m;
    }

    /** {calls/s from the upload to the last call routed, calls/s until the upload's answer (Kafka acknowledged)}. */
    double[] hotline(int calls, String batch) throws Exception {
        c.drain();
        long routedBefore = c.tail().routed("hotline");
        String csv = c.corpus().hotlineCsv(calls, batch);
        long start = System.nanoTime();
        var r = http.send(HttpRequest.newBuilder(URI.create(c.app().web() + "/api/v1/hotline/transcripts?format=csv"))
                .header("Content-Type", "text/csv; charset=UTF-8").header("X-Api-Key", AllInOne.HOTLINE_KEY)
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        double answered = (System.nanoTime() - start) / 1e9;
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("hotline upload: " + r.statusCode() + " " + r.body());
        }
        // Calls from a caller with an open complaint become follow-ups: the answer says how many are new complaints.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"complaints\"\\s*:\\s*(\\d+)").matcher(r.body());
        long complaints = m.find() ? Long.parseLong(m.group(1)) : calls;
        long routed = awaitRouted("hotline", routedBefore + complaints);
        return new double[] {(routed - routedBefore) / ((System.nanoTime() - start) / 1e9), calls / answered};
    }

    /** Fills history to {@code total} routed complaints with hotline files of at most 10,000 calls. */
    void fillHistory(long total) throws Exception {
        int batch = 0;
        for (long have = c.es().routedDocuments(); have < total; have = c.es().routedDocuments()) {
            int calls = (int) Math.min(10_000, total - have);
            System.out.printf("history: %,d routed complaints, adding %,d by hotline file%n", have, calls);
            hotline(calls, "h" + total + "-" + batch++);
        }
    }

    private long awaitRouted(String channel, long target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        long last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = c.tail().routed(channel);
            if (now >= target) {
                return now;
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > Duration.ofSeconds(60).toNanos()) {
                break; // nothing routed for a minute: report what came through
            }
            Thread.sleep(50);
        }
        System.out.printf("warning: %s: only %,d of %,d routed%n", channel, last, target);
        return last;
    }
}

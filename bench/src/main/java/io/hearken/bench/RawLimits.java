package io.hearken.bench;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * The raw limits of the all-in-one's own servers, in the same run: what Kafka, Elasticsearch, the web server and
 * the mail server do with nothing of Hearken's logic in the way. Every pipeline figure is printed beside one.
 */
final class RawLimits {

    private final AllInOne app;
    private final Kafka kafka;
    private final Corpus corpus;
    private final int seconds;

    RawLimits(AllInOne app, Kafka kafka, Corpus corpus, int seconds) {
        this.app = app;
        this.kafka = kafka;
        this.corpus = corpus;
        this.seconds = seconds;
    }

    /** records/s produced (acks=all, idempotent, linger 5 ms: the services' settings) and consumed (read_committed). */
    double[] kafka() throws Exception {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            values.add(corpus.json(corpus.next()));
        }
        return kafka.raw("bench.raw." + System.nanoTime(), values, seconds);
    }

    /** documents/s bulk-indexed into an index of the complaints template (the same analyzers), two bulks in flight. */
    double elasticsearchBulk(String sampleDocument) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String index = "complaints-vbench-raw-" + System.nanoTime();
        AtomicLong docs = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> senders = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int thread = t;
            senders.add(pool.submit(() -> {
                int batch = 0;
                while (System.nanoTime() < end) {
                    StringBuilder body = new StringBuilder();
                    for (int i = 0; i < 500; i++) {
                        String doc = sampleDocument.replaceFirst("\"description\":\"(\\\\.|[^\"\\\\])*\"",
                                java.util.regex.Matcher.quoteReplacement("\"description\":" + Corpus.q(corpus.text())));
                        body.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":\"raw-")
                                .append(thread).append('-').append(batch).append('-').append(i).append("\"}}\n")
                                .append(doc).append('\n');
                    }
                    batch++;
                    var r = http.send(HttpRequest.newBuilder(URI.create(app.elasticsearch() + "/_bulk"))
                            .header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200 || r.body().contains("\"errors\":true")) {
                        throw new IllegalStateException("bulk failed: " + r.body().substring(0, Math.min(500, r.body().length())));
                    }
                    docs.addAndGet(500);
                }
                return null;
            }));
        }
        for (Future<?> f : senders) {
            f.get();
        }
        double rate = docs.get() / ((System.nanoTime() - start) / 1e9);
        pool.shutdown();
        http.send(HttpRequest.newBuilder(URI.create(app.elasticsearch() + "/" + index)).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        return rate;
    }

    /** GET of a static file on the same web server, 16 in flight: requests/s. */
    double http() throws Exception {
        long start = System.nanoTime();
        long done = gets(URI.create(app.web() + "/web/web.css"), seconds);
        return done / ((System.nanoTime() - start) / 1e9);
    }

    /** 16 clients GETting {@code uri} in a loop for {@code seconds}, each answer a 200: how many were answered. */
    static long gets(URI uri, int seconds) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            clients.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    var r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("GET " + uri + ": " + r.statusCode());
                    }
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        pool.shutdown();
        return done.get();
    }

    /** {smtp mails/s over one connection, imap mails/s fetched whole in one bulk FETCH}; at most 1,000 mails. */
    double[] mail() throws Exception {
        String address = "raw-" + System.nanoTime() + "@bench.example";
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(app.smtpPort));
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(app.imapPort));
        Session session = Session.getInstance(props);
        int sent = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        try (Transport smtp = session.getTransport("smtp")) {
            smtp.connect();
            while (sent < 1000 && System.nanoTime() < end) {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress("resident@bench.example"));
                m.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
                m.setSubject("raw " + sent, "UTF-8");
                m.setText(corpus.text(), "UTF-8");
                smtp.sendMessage(m, m.getAllRecipients());
                sent++;
            }
        }
        double smtp = sent / ((System.nanoTime() - start) / 1e9);
        try (Store store = session.getStore("imap")) {
            store.connect(address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            long fetchStart = System.nanoTime();
            Message[] all = inbox.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
            inbox.fetch(all, profile);
            for (Message m : all) {
                m.writeTo(OutputStream.nullOutputStream());
            }
            double imap = all.length / ((System.nanoTime() - fetchStart) / 1e9);
            inbox.close(false);
            return new double[] {smtp, imap};
        }
    }
}

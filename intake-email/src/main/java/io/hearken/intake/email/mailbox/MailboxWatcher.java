package io.hearken.intake.email.mailbox;

import io.hearken.intake.email.EmailIntakeProperties;
import io.hearken.intake.email.intake.Outcome;
import io.hearken.intake.email.intake.ReceivingMail;
import io.hearken.intake.email.intake.TemporaryFailure;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedFileInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the complaints folder over one IMAP connection: IDLE where the server has it, polling where it
 * does not (and every poll interval anyway, so a lost notification costs at most that). Each mail is handed
 * to {@link ReceivingMail}; only when that returns (Kafka acknowledged) is the mail flagged \Seen and moved
 * to the processed folder, or, when unreadable, copied to the quarantine folder with the reason. A lost
 * connection is retried with exponential back-off and logged once when it goes and once when it is back.
 */
@Component("emailMailboxWatcher")
class MailboxWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailboxWatcher.class);
    static final String QUARANTINE_HEADER = "X-Hearken-Quarantine-Reason";
    private static final long IN_MEMORY_LIMIT = 8L * 1024 * 1024;
    private static final int BATCH_MAILS = 200;
    private static final long BATCH_BYTES = 32L * 1024 * 1024;

    private final EmailIntakeProperties properties;
    private final ReceivingMail receiving;
    private final Object wake = new Object();
    private final Set<Long> handled = new HashSet<>(); // mails we could not move out; not re-read this session
    private final MailboxStatus status;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Store store;
    private volatile IMAPFolder folder;
    private volatile boolean idleSupported = true;
    private ScheduledExecutorService nudger;
    private Session session;
    private long uidValidity = -1;
    private boolean troubled;
    private boolean announced;

    MailboxWatcher(EmailIntakeProperties properties, ReceivingMail receiving, MailboxStatus status) {
        this.properties = properties;
        this.receiving = receiving;
        this.status = status;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Email intake disabled (hearken.email.enabled=false)");
            status.disabled("hearken.email.enabled=false");
            return;
        }
        if (!properties.imap().configured()) {
            log.warn("Email intake idle: set hearken.email.imap.host, .username and .password to read a mailbox");
            status.disabled("no hearken.email.imap.host");
            return;
        }
        running = true;
        session = Session.getInstance(sessionProperties());
        thread = new Thread(this::run, "hearken-email-imap");
        thread.setDaemon(true);
        thread.start();
        nudger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hearken-email-nudge");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, properties.pollInterval().toMillis());
        nudger.scheduleWithFixedDelay(this::nudge, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (nudger != null) {
            nudger.shutdownNow();
        }
        nudge();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // after Kafka's producers are ready, stopped before them
    }

    /** Ends an IDLE (any other use of the folder does) or a polling wait, so the folder is scanned again. */
    void nudge() {
        synchronized (wake) {
            wake.notifyAll();
        }
        IMAPFolder f = folder;
        if (f != null && f.isOpen()) {
            try {
                f.getMessageCount();
            } catch (MessagingException | RuntimeException ignored) {
                // the watcher thread notices a broken connection itself
            }
        }
    }

    private void run() {
        Duration delay = Duration.ofSeconds(1);
        Instant since = null;
        while (running) {
            try {
                connect();
                if (!announced) {
                    announced = true;
                    log.info("Email intake watching {} ({}, rescan every {} s)", where(),
                            idleSupported && properties.imap().idle() ? "IDLE" : "polling", properties.pollInterval().toSeconds());
                }
                if (since != null) {
                    log.info("IMAP mailbox {} is back after {} s", where(), Duration.between(since, Instant.now()).toSeconds());
                    since = null;
                }
                status.connected();
                delay = Duration.ofSeconds(1);
                watch();
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                if (since == null) {
                    since = Instant.now();
                    log.warn("IMAP mailbox {} unreachable ({}); retrying with back-off up to {} s, logging again when it is back",
                            where(), e.toString(), properties.maxBackoff().toSeconds());
                } else {
                    log.debug("IMAP mailbox {} still unreachable: {}", where(), e.toString());
                }
                status.down(since, e.toString());
                closeQuietly();
                sleep(delay);
                delay = delay.multipliedBy(2).compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : delay.multipliedBy(2);
            }
        }
    }

    private void connect() throws MessagingException {
        closeQuietly();
        var imap = properties.imap();
        Store s = session.getStore(imap.tls() ? "imaps" : "imap");
        s.connect(imap.host(), imap.port(), imap.username(), imap.password());
        store = s;
        ensureFolder(properties.processedFolder());
        ensureFolder(properties.quarantineFolder());
        IMAPFolder f = (IMAPFolder) s.getFolder(properties.folder());
        f.open(Folder.READ_WRITE);
        if (f.getUIDValidity() != uidValidity) {
            handled.clear();
            uidValidity = f.getUIDValidity();
        }
        folder = f;
    }

    private void watch() throws MessagingException, IOException {
        while (running) {
            scan();
            waitForMail();
        }
    }

    /**
     * Every mail in the folder, oldest first, in batches: the mails of a batch are decided one after the
     * other but their Kafka writes overlap; then the batch is flagged and moved with one command. Stops early
     * (and retries later) when Kafka or Elasticsearch are away.
     */
    void scan() throws MessagingException, IOException {
        IMAPFolder f = folder;
        Message[] messages = f.getMessages();
        if (messages.length == 0) {
            return;
        }
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.SIZE);
        f.fetch(messages, profile);
        Map<Message, CompletableFuture<Outcome>> batch = new LinkedHashMap<>();
        long batchBytes = 0;
        for (Message m : messages) {
            if (!running) {
                return;
            }
            if (m.isExpunged() || m.isSet(Flags.Flag.DELETED) || handled.contains(f.getUID(m))) {
                continue;
            }
            batch.put(m, receiving.handle(load(m), m.getSize(), f.getFullName()));
            batchBytes += Math.max(0, m.getSize());
            if (batch.size() >= BATCH_MAILS || batchBytes >= BATCH_BYTES) {
                if (!finish(batch)) {
                    return;
                }
                batch.clear();
                batchBytes = 0;
            }
        }
        finish(batch);
    }

    /** Waits for the batch's acknowledgements, then moves what is done; {@code false} when something must wait. */
    private boolean finish(Map<Message, CompletableFuture<Outcome>> batch) throws MessagingException, IOException {
        List<Message> done = new ArrayList<>();
        TemporaryFailure failure = null;
        for (Map.Entry<Message, CompletableFuture<Outcome>> e : batch.entrySet()) {
            Outcome outcome;
            try {
                outcome = e.getValue().get(2, TimeUnit.MINUTES);
            } catch (ExecutionException | TimeoutException x) {
                failure = x.getCause() instanceof TemporaryFailure t ? t : new TemporaryFailure(x.toString(), x);
                continue; // stays in the folder for the next round
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                running = false;
                return false;
            }
            if (outcome.done()) {
                done.add(e.getKey());
            } else {
                handled.add(folder.getUID(e.getKey()));
                quarantine(e.getKey(), outcome.reason());
                handled.remove(folder.getUID(e.getKey()));
            }
        }
        moveTo(done, properties.processedFolder());
        if (failure != null) {
            if (!troubled) {
                troubled = true;
                log.warn("Email intake paused, mails stay in {} until it clears: {}", properties.folder(), failure.getMessage());
            }
            return false;
        }
        if (troubled) {
            troubled = false;
            log.info("Email intake resumed");
        }
        return true;
    }

    private void waitForMail() throws MessagingException {
        if (!running) {
            return;
        }
        if (idleSupported && properties.imap().idle()) {
            try {
                folder.idle(true);
                return;
            } catch (MessagingException e) {
                if (e.getMessage() == null || !e.getMessage().contains("IDLE not supported")) {
                    throw e;
                }
                idleSupported = false;
                log.info("IMAP server has no IDLE: polling {} every {} s", where(), properties.pollInterval().toSeconds());
            }
        }
        synchronized (wake) {
            try {
                wake.wait(Math.max(100, properties.pollInterval().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** The whole mail, copied out of IMAP once (to a temp file when big); a mail over the limit is not fetched. */
    private MimeMessage load(Message m) throws MessagingException, IOException {
        int size = m.getSize();
        if (size > properties.maxMessageSize().toBytes()) {
            return (MimeMessage) m;
        }
        if (size > IN_MEMORY_LIMIT) {
            Path tmp = Files.createTempFile("hearken-mail-", ".eml");
            tmp.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(tmp)) {
                m.writeTo(out);
            }
            MimeMessage copy = new MimeMessage(session, new SharedFileInputStream(tmp.toFile()));
            Files.deleteIfExists(tmp); // open: readable until closed on Linux
            return copy;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 1024));
        m.writeTo(out);
        return new MimeMessage(session, new ByteArrayInputStream(out.toByteArray()));
    }

    private void moveTo(List<Message> messages, String target) throws MessagingException {
        if (messages.isEmpty()) {
            return;
        }
        IMAPFolder f = folder;
        Message[] array = messages.toArray(Message[]::new);
        f.setFlags(array, new Flags(Flags.Flag.SEEN), true);
        Folder to = store.getFolder(target);
        try {
            f.moveMessages(array, to);
        } catch (MessagingException e) {
            // No MOVE on this server: copy, then delete the originals.
            f.copyMessages(array, to);
            f.setFlags(array, new Flags(Flags.Flag.DELETED), true);
            f.expunge();
        }
    }

    /** A copy with the reason as a header goes to the quarantine folder; the original leaves the inbox. */
    private void quarantine(Message m, String reason) throws MessagingException, IOException {
        IMAPFolder f = folder;
        Folder to = store.getFolder(properties.quarantineFolder());
        if (m.getSize() > properties.maxMessageSize().toBytes()) {
            moveTo(List.of(m), properties.quarantineFolder()); // too big to rewrite; the reason is on the dead-letter topic
            return;
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        String folded = MimeUtility.fold(QUARANTINE_HEADER.length() + 2,
                MimeUtility.encodeText(reason.replaceAll("[\\r\\n]+", " "), "UTF-8", null));
        raw.writeBytes((QUARANTINE_HEADER + ": " + folded + "\r\n").getBytes(StandardCharsets.US_ASCII));
        m.writeTo(raw);
        MimeMessage copy = new MimeMessage(session, new ByteArrayInputStream(raw.toByteArray()));
        copy.setFlag(Flags.Flag.SEEN, true);
        to.appendMessages(new Message[] {copy});
        m.setFlag(Flags.Flag.SEEN, true);
        m.setFlag(Flags.Flag.DELETED, true);
        f.expunge();
    }

    private void ensureFolder(String name) throws MessagingException {
        Folder f = store.getFolder(name);
        if (!f.exists()) {
            f.create(Folder.HOLDS_MESSAGES);
        }
    }

    private Properties sessionProperties() {
        var imap = properties.imap();
        String p = imap.tls() ? "imaps" : "imap";
        Properties props = new Properties();
        long timeout = imap.timeout().toMillis();
        props.put("mail.store.protocol", p);
        props.put("mail." + p + ".connectiontimeout", String.valueOf(timeout));
        props.put("mail." + p + ".timeout", String.valueOf(timeout));
        props.put("mail." + p + ".fetchsize", String.valueOf(1024 * 1024));
        props.put("mail." + p + ".starttls.enable", String.valueOf(imap.starttls()));
        props.put("mail." + p + ".starttls.required", String.valueOf(imap.starttls()));
        props.put("mail." + p + ".ssl.checkserveridentity", "true");
        return props;
    }

    private String where() {
        var imap = properties.imap();
        return imap.username() + "@" + imap.host() + ":" + imap.port() + "/" + properties.folder();
    }

    private void closeQuietly() {
        IMAPFolder f = folder;
        folder = null;
        Store s = store;
        store = null;
        try {
            if (f != null && f.isOpen()) {
                f.close(false);
            }
        } catch (MessagingException | RuntimeException ignored) {
            // closing a broken connection
        }
        try {
            if (s != null) {
                s.close();
            }
        } catch (MessagingException | RuntimeException ignored) {
            // closing a broken connection
        }
    }

    private void sleep(Duration d) {
        synchronized (wake) {
            try {
                wake.wait(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}

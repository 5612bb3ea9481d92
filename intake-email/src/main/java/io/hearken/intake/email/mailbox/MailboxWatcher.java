package io.hearken.intake.email.mailbox;

import io.hearken.intake.email.EmailIntakeProperties;
import io.hearken.intake.email.intake.Outcome;
import io.hearken.intake.email.intake.ReceivingMail;
import io.hearken.intake.email.intake.TemporaryFailure;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
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
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one complaints folder over one IMAP connection: IDLE where the server has it, polling where it
 * does not (and every poll interval anyway, so a lost notification costs at most that). Each mail is handed
 * to {@link ReceivingMail}; only when that returns (Kafka acknowledged) is the mail flagged \Seen and moved
 * to the processed folder, or, when unreadable, copied to the quarantine folder with the reason. A lost
 * connection is retried with exponential back-off and logged once when it goes and once when it is back.
 * A mail the server fails to hand over (while the connection is fine) is tried on {@value #FETCH_ATTEMPTS}
 * scans, then quarantined, so one broken mail never stalls the folder. Mails are fetched in bulk, a batch
 * at a time (one {@code FETCH BODY.PEEK[]} for many mails rather than one round trip each).
 */
final class MailboxWatcher {

    private static final Logger log = LoggerFactory.getLogger(MailboxWatcher.class);
    static final String QUARANTINE_HEADER = "X-Hearken-Quarantine-Reason";
    private static final long IN_MEMORY_LIMIT = 8L * 1024 * 1024;
    private static final int BATCH_MAILS = 200;
    private static final long BATCH_BYTES = 32L * 1024 * 1024;
    static final int FETCH_ATTEMPTS = 3;

    private final EmailIntakeProperties properties;
    private final EmailIntakeProperties.Mailbox mailbox;
    private final String threadName;
    private final ReceivingMail receiving;
    private final Map<Long, Integer> fetchFailures = new java.util.HashMap<>();
    /** Mails that were being read when the watcher died of an {@link Error}: a second time, they go to quarantine. */
    private final Map<Long, String> killers = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Long reading;
    private volatile int restarts;
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
    private Duration delay = Duration.ofSeconds(1); // the watcher thread's back-off state
    private Instant since;
    private boolean announced;

    MailboxWatcher(EmailIntakeProperties properties, EmailIntakeProperties.Mailbox mailbox, String threadName,
            ReceivingMail receiving, MailboxStatus status) {
        this.properties = properties;
        this.mailbox = mailbox;
        this.threadName = threadName;
        this.receiving = receiving;
        this.status = status;
    }

    void start() {
        running = true;
        status.starting(mailbox.name());
        session = ImapSessions.session(mailbox.imap());
        startThread();
        nudger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hearken-email-nudge");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, properties.pollInterval().toMillis());
        nudger.scheduleWithFixedDelay(this::nudge, every, every, TimeUnit.MILLISECONDS);
    }

    void stop() {
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

    private synchronized void startThread() {
        if (!running) {
            return;
        }
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Watcher restarts after an {@link Error} (for health details and tests). */
    int restarts() {
        return restarts;
    }

    private void run() {
        try {
            watchUntilStopped();
        } catch (Error fatal) {
            // Not an IMAP problem: a bug or a broken JVM state. Say so on health, and watch again from a new thread.
            if (!running) {
                return;
            }
            Long uid = reading;
            if (uid != null) {
                killers.merge(uid, fatal.toString(), (a, b) -> b + " (twice)");
            }
            restarts++;
            log.error("Email watcher for '{}' died ({}); a new one starts in {} ms", mailbox.name(), fatal, delay.toMillis(), fatal);
            status.down(mailbox.name(), Instant.now(), "watcher died: " + fatal);
            closeQuietly();
            ScheduledExecutorService n = nudger;
            if (n != null && !n.isShutdown()) {
                n.schedule(this::startThread, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
            delay = delay.multipliedBy(2).compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : delay.multipliedBy(2);
        }
    }

    private void watchUntilStopped() {
        while (running) {
            try {
                connect();
                if (!announced) {
                    announced = true;
                    log.info("Email intake watching {} as '{}' ({}, rescan every {} ms)", where(), mailbox.name(),
                            idleSupported && mailbox.imap().idle() ? "IDLE" : "polling", properties.pollInterval().toMillis());
                }
                status.connected(mailbox.name());
                watch();
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                if (since == null) {
                    since = Instant.now();
                    log.warn("IMAP mailbox {} unreachable ({}); next attempt in {} ms, backing off up to {} s, logging again "
                            + "when it is back", where(), e.toString(), delay.toMillis(), properties.maxBackoff().toSeconds());
                } else {
                    log.debug("IMAP mailbox {} still unreachable, next attempt in {} ms: {}", where(), delay.toMillis(), e.toString());
                }
                status.down(mailbox.name(), since, e.toString());
                closeQuietly();
                sleep(delay);
                delay = delay.multipliedBy(2).compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : delay.multipliedBy(2);
            }
        }
    }

    /**
     * Back only once a whole scan went through: a server that takes the login but fails every scan stays in the
     * back-off (and in one warning) instead of flapping "back" / "unreachable" every second.
     */
    private void scanned() {
        if (since != null) {
            log.info("IMAP mailbox {} is back after {} s", where(), Duration.between(since, Instant.now()).toSeconds());
            since = null;
        }
        delay = Duration.ofSeconds(1);
    }

    private void connect() throws MessagingException {
        closeQuietly();
        var imap = mailbox.imap();
        Store s = ImapSessions.connect(session, imap);
        store = s;
        ensureFolder(properties.processedFolder());
        ensureFolder(properties.quarantineFolder());
        IMAPFolder f = (IMAPFolder) s.getFolder(mailbox.folder());
        if (!f.exists()) {
            throw new MessagingException("folder " + mailbox.folder() + " does not exist in " + imap.username());
        }
        f.open(Folder.READ_WRITE);
        if (f.getUIDValidity() != uidValidity) {
            handled.clear();
            fetchFailures.clear();
            uidValidity = f.getUIDValidity();
        }
        folder = f;
    }

    private void watch() throws MessagingException, IOException {
        while (running) {
            scan();
            scanned();
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
        List<Message> todo = new ArrayList<>();
        if (messages.length > 0) {
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(FetchProfile.Item.SIZE);
            f.fetch(messages, profile);
            for (Message m : messages) {
                if (!m.isExpunged() && !m.isSet(Flags.Flag.DELETED) && !handled.contains(f.getUID(m))) {
                    todo.add(m);
                }
            }
        }
        if (todo.isEmpty()) {
            if (notAnnounced(messages)) {
                connect(); // the next scan lists every mail
            }
            return;
        }
        for (int from = 0; from < todo.size() && running; ) {
            int to = from;
            long bytes = 0;
            while (to < todo.size() && to - from < BATCH_MAILS && bytes < BATCH_BYTES) {
                bytes += Math.max(0, todo.get(to++).getSize());
            }
            if (!handleBatch(todo.subList(from, to))) {
                return;
            }
            from = to;
        }
    }

    /**
     * An open folder lists only the mails the server announced to this session (EXISTS). A server can fail to: GreenMail
     * (the all-in-one's mail server) loses the EXISTS of a mail that arrives while it answers another command, and
     * that mail then stayed unseen until the next mail or a restart. So a scan with nothing to do asks the server for
     * the folder's count (STATUS, through a second folder object) and opens the folder again when it holds more than
     * the session lists (not counting mails it knows were expunged: their EXPUNGE may be as late as the EXISTS).
     */
    private boolean notAnnounced(Message[] listed) throws MessagingException {
        int live = 0;
        for (Message m : listed) {
            live += m.isExpunged() ? 0 : 1;
        }
        int held = store.getFolder(mailbox.folder()).getMessageCount();
        if (held > live) {
            log.info("Email intake: {} holds {} mails, this session lists {}: opening it again", where(), held, live);
            return true;
        }
        return false;
    }

    /** Fetches a batch's bodies in one command, hands each mail on, then settles the batch; {@code false}: stop for now. */
    private boolean handleBatch(List<Message> chunk) throws MessagingException, IOException {
        prefetch(chunk);
        Map<Message, CompletableFuture<Outcome>> batch = new LinkedHashMap<>();
        for (Message m : chunk) {
            if (!running) {
                return false;
            }
            MimeMessage loaded;
            try {
                loaded = load(m);
            } catch (MessagingException | IOException e) {
                if (!stillConnected(e)) {
                    throw e;
                }
                long uid = folder.getUID(m);
                int failures = fetchFailures.merge(uid, 1, Integer::sum);
                if (failures < FETCH_ATTEMPTS) {
                    log.warn("Email intake: the server could not hand over mail UID {} in {} (attempt {} of {}): {}", uid,
                            mailbox.name(), failures, FETCH_ATTEMPTS, e.toString());
                    continue; // the rest of the folder goes on; this one is tried again on the next scan
                }
                fetchFailures.remove(uid);
                batch.put(m, receiving.unreadable((MimeMessage) m, "the mail server could not hand over the mail ("
                        + FETCH_ATTEMPTS + " attempts): " + e, mailbox.name()));
                continue;
            }
            long uid = folder.getUID(m);
            String killed = killers.get(uid);
            if (killed != null && killed.endsWith("(twice)")) {
                killers.remove(uid);
                batch.put(m, receiving.unreadable((MimeMessage) m, "reading it stopped the watcher twice: " + killed,
                        mailbox.name()));
                continue;
            }
            reading = uid;
            batch.put(m, receiving.handle(loaded, m.getSize(), mailbox.name()));
            reading = null;
        }
        return finish(batch);
    }

    /** Whole mails for the batch in one round trip; big ones are streamed to a temp file one by one later. */
    private void prefetch(List<Message> chunk) {
        List<Message> small = new ArrayList<>();
        for (Message m : chunk) {
            try {
                if (m.getSize() >= 0 && m.getSize() <= IN_MEMORY_LIMIT) {
                    small.add(m);
                }
            } catch (MessagingException ignored) {
                // unknown size: fetched on its own
            }
        }
        if (small.size() < 2) {
            return;
        }
        FetchProfile bodies = new FetchProfile();
        bodies.add(IMAPFolder.FetchProfileItem.MESSAGE);
        try {
            folder.fetch(small.toArray(Message[]::new), bodies);
        } catch (MessagingException | RuntimeException e) {
            log.debug("Email intake: bulk fetch failed, fetching one by one: {}", e.toString());
        }
    }

    /** A failure of one mail, not of the connection. */
    private boolean stillConnected(Exception e) {
        if (e instanceof FolderClosedException || e instanceof StoreClosedException) {
            return false;
        }
        IMAPFolder f = folder;
        Store s = store;
        return f != null && s != null && f.isOpen() && s.isConnected();
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
                log.warn("Email intake paused, mails stay in {} until it clears: {}", mailbox.name(), failure.getMessage());
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
        if (idleSupported && mailbox.imap().idle()) {
            try {
                folder.idle(true);
                return;
            } catch (MessagingException e) {
                if (e.getMessage() == null || !e.getMessage().contains("IDLE not supported")) {
                    throw e;
                }
                idleSupported = false;
                log.info("IMAP server has no IDLE: polling {} every {} ms", where(), properties.pollInterval().toMillis());
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
        try {
            m.writeTo(raw);
        } catch (MessagingException | IOException e) {
            if (!stillConnected(e)) {
                throw e;
            }
            moveTo(List.of(m), properties.quarantineFolder()); // cannot be read to rewrite; the reason is on the dead-letter topic
            return;
        }
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

    private String where() {
        var imap = mailbox.imap();
        return imap.username() + "@" + imap.host() + ":" + imap.port() + "/" + mailbox.folder();
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

    /** The back-off: the poll nudges do not cut it short (that would retry every poll interval); stopping does. */
    private void sleep(Duration d) {
        long deadline = System.nanoTime() + d.toNanos();
        synchronized (wake) {
            for (long left = d.toNanos(); running && left > 0; left = deadline - System.nanoTime()) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(wake, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }
}

package io.hearken.intake.email.mailbox;

import io.hearken.intake.email.EmailIntakeProperties;
import io.hearken.intake.email.intake.Outcome;
import io.hearken.intake.email.intake.ReceivingMail;
import io.hearken.intake.email.intake.TemporaryFailure;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the complaints folder, oldest mail first, in batches: the mails of a batch are decided one after the
 * other but their Kafka writes overlap; then the batch is flagged and moved with one command, after the next batch was
 * read and handed on (so Kafka's acknowledgements of one batch overlap the reading of the next). Stops early (and
 * retries on the next pass) when Kafka or Elasticsearch are away. A mail the server fails to hand over (while the
 * connection is fine) is tried on {@value #FETCH_ATTEMPTS} passes, then quarantined; a mail that was being read when
 * the watcher died of an {@link Error} goes to quarantine the second time. What it remembers lasts across
 * connections, until the folder's UIDVALIDITY changes.
 */
final class FolderScan {

    private static final Logger log = LoggerFactory.getLogger(FolderScan.class);
    /**
     * Mails a batch holds at most: one bulk fetch, one move. Two batches are in memory at a time (one being read, one
     * awaiting Kafka), so together they hold at most twice {@link #BATCH_BYTES} of small mails (a big one streams to
     * disk).
     */
    static final int BATCH_MAILS = 500;
    private static final long BATCH_BYTES = 16L * 1024 * 1024;
    static final int FETCH_ATTEMPTS = 3;

    private final EmailIntakeProperties properties;
    private final String mailbox;
    private final String folderName;
    private final ReceivingMail receiving;
    private final BooleanSupplier running;
    private final int batchMails;
    private final Map<Long, Integer> fetchFailures = new HashMap<>();
    private final Map<Long, String> killers = new ConcurrentHashMap<>();
    private final Set<Long> handled = new HashSet<>(); // mails we could not move out; not re-read this session
    private volatile Long reading;
    private long uidValidity = -1;
    private boolean troubled;
    private boolean moved; // the last pass moved mails out of the folder, newer ones than any pass before
    private long newestUid = -1;
    private boolean hitch; // the last pass left a mail behind (a failed fetch, Kafka or the read model away)

    FolderScan(EmailIntakeProperties properties, EmailIntakeProperties.Mailbox mailbox, ReceivingMail receiving,
            BooleanSupplier running, int batchMails) {
        this.batchMails = batchMails;
        this.properties = properties;
        this.mailbox = mailbox.name();
        this.folderName = mailbox.folder();
        this.receiving = receiving;
        this.running = running;
    }

    /** The folder was opened (again): a new UIDVALIDITY means the UIDs remembered name other mails now. */
    void opened(IMAPFolder folder) throws MessagingException {
        if (folder.getUIDValidity() != uidValidity) {
            handled.clear();
            fetchFailures.clear();
            newestUid = -1;
            uidValidity = folder.getUIDValidity();
        }
    }

    /** The watcher died of {@code fatal}: the mail it was reading is remembered. */
    void died(Error fatal) {
        Long uid = reading;
        if (uid != null) {
            killers.merge(uid, fatal.toString(), (a, b) -> b + " (twice)");
        }
    }

    /** One pass; {@code true} when the folder must be opened again before the next (a mail was not announced). */
    boolean scan(Store store, IMAPFolder folder, MailDisposition disposition, MailCopies copies)
            throws MessagingException, IOException {
        moved = false;
        hitch = false;
        Message[] messages = folder.getMessages();
        List<Message> todo = new ArrayList<>();
        if (messages.length > 0) {
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(FetchProfile.Item.SIZE);
            folder.fetch(messages, profile);
            for (Message m : messages) {
                if (!m.isExpunged() && !m.isSet(Flags.Flag.DELETED) && !handled.contains(folder.getUID(m))) {
                    todo.add(m);
                }
            }
        }
        if (todo.isEmpty()) {
            return notAnnounced(store, messages);
        }
        receiving.expect();
        long newest = folder.getUID(todo.get(todo.size() - 1));
        boolean fresh = newest > newestUid; // not the same mails again (a server that does not move them)
        newestUid = Math.max(newestUid, newest);
        // Pipelined: batch N+1 is fetched and handed on while batch N's Kafka writes are on their way; N is settled
        // (awaited, then moved) after that, so a mail still leaves the folder only once Kafka acknowledged it.
        Map<Message, CompletableFuture<Outcome>> inFlight = null;
        for (int from = 0; from < todo.size() && running.getAsBoolean(); ) {
            int to = from;
            long bytes = 0;
            while (to < todo.size() && to - from < batchMails && bytes < BATCH_BYTES) {
                bytes += Math.max(0, todo.get(to++).getSize());
            }
            Map<Message, CompletableFuture<Outcome>> next = handleBatch(folder, todo.subList(from, to), disposition, copies);
            boolean settled = inFlight == null || finish(folder, inFlight, disposition);
            inFlight = null;
            if (next == null || !settled) {
                if (next != null) {
                    finish(folder, next, disposition); // what Kafka did take leaves the folder; the rest waits
                }
                hitch = true;
                return false;
            }
            inFlight = next;
            from = to;
        }
        if (inFlight != null && !finish(folder, inFlight, disposition)) {
            hitch = true;
            return false;
        }
        moved &= fresh;
        return false;
    }

    /**
     * Whether the last pass handled new mails without a hitch (no fetch failure, nothing left to wait for): then mail
     * may have come in while it ran, and the next pass starts at once instead of after the poll interval. A pass with a
     * hitch waits, so a mail the server fails to hand over keeps its {@value #FETCH_ATTEMPTS} attempts apart; so does a
     * pass over only mails handled before (a server that failed to move them must not make this a busy loop).
     */
    boolean mayHaveMore() {
        return moved && !hitch;
    }

    /**
     * An open folder lists only the mails the server announced to this session (EXISTS). A server can fail to: GreenMail
     * (the all-in-one's mail server) loses the EXISTS of a mail that arrives while it answers another command, and
     * that mail then stayed unseen until the next mail or a restart. So a scan with nothing to do asks the server for
     * the folder's count (STATUS, through a second folder object) and opens the folder again when it holds more than
     * the session lists (not counting mails it knows were expunged: their EXPUNGE may be as late as the EXISTS).
     */
    private boolean notAnnounced(Store store, Message[] listed) throws MessagingException {
        int live = 0;
        for (Message m : listed) {
            live += m.isExpunged() ? 0 : 1;
        }
        int held = store.getFolder(folderName).getMessageCount();
        if (held > live) {
            log.info("Email intake: {} holds {} mails, this session lists {}: opening it again", mailbox, held, live);
            return true;
        }
        return false;
    }

    /**
     * Fetches a batch's bodies in one command and hands each mail on; the batch's outcomes, still on their way, to
     * {@link #finish}; {@code null}: stopping (nothing is moved, the mails are read again after a restart).
     */
    private Map<Message, CompletableFuture<Outcome>> handleBatch(IMAPFolder folder, List<Message> chunk, MailDisposition disposition, MailCopies copies)
            throws MessagingException, IOException {
        copies.prefetch(folder, chunk);
        Map<Message, CompletableFuture<Outcome>> batch = new LinkedHashMap<>();
        for (Message m : chunk) {
            if (!running.getAsBoolean()) {
                return null;
            }
            MimeMessage loaded;
            try {
                loaded = copies.load(m);
            } catch (MessagingException | IOException e) {
                if (!disposition.stillConnected(e)) {
                    throw e;
                }
                long uid = folder.getUID(m);
                int failures = fetchFailures.merge(uid, 1, Integer::sum);
                hitch = true;
                if (failures < FETCH_ATTEMPTS) {
                    log.warn("Email intake: the server could not hand over mail UID {} in {} (attempt {} of {}): {}", uid,
                            mailbox, failures, FETCH_ATTEMPTS, e.toString());
                    continue; // the rest of the folder goes on; this one is tried again on the next scan
                }
                fetchFailures.remove(uid);
                batch.put(m, receiving.unreadable((MimeMessage) m, "the mail server could not hand over the mail ("
                        + FETCH_ATTEMPTS + " attempts): " + e, mailbox));
                continue;
            }
            long uid = folder.getUID(m);
            String killed = killers.get(uid);
            if (killed != null && killed.endsWith("(twice)")) {
                killers.remove(uid);
                batch.put(m, receiving.unreadable((MimeMessage) m, "reading it stopped the watcher twice: " + killed, mailbox));
                continue;
            }
            reading = uid;
            batch.put(m, receiving.handle(loaded, m.getSize(), mailbox));
            reading = null;
        }
        return batch;
    }

    /** Waits for the batch's acknowledgements, then moves what is done; {@code false} when something must wait. */
    private boolean finish(IMAPFolder folder, Map<Message, CompletableFuture<Outcome>> batch, MailDisposition disposition)
            throws MessagingException, IOException {
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
                Thread.currentThread().interrupt(); // the watcher stops
                return false;
            }
            if (outcome.done()) {
                done.add(e.getKey());
            } else {
                handled.add(folder.getUID(e.getKey()));
                disposition.quarantine(e.getKey(), outcome.reason());
                handled.remove(folder.getUID(e.getKey()));
            }
        }
        disposition.moveTo(done, properties.processedFolder());
        moved |= !batch.isEmpty();
        if (failure != null) {
            if (!troubled) {
                troubled = true;
                log.warn("Email intake paused, mails stay in {} until it clears: {}", mailbox, failure.getMessage());
            }
            return false;
        }
        if (troubled) {
            troubled = false;
            log.info("Email intake resumed");
        }
        return true;
    }
}

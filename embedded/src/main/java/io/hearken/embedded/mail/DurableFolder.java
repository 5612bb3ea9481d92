package io.hearken.embedded.mail;

import static com.icegreen.greenmail.imap.ImapConstants.USER_NAMESPACE;

import com.icegreen.greenmail.imap.commands.IdRange;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * A GreenMail folder whose every change also reaches its {@link FolderFiles}, in the caller's thread and
 * outside GreenMail's locks: the SMTP server answers 250 (the IMAP server OK) only once the mail is on disk.
 * A folder with a limit drops its oldest mail (from memory and disk) beyond it, a tenth of the limit at a time
 * ({@link #slack}). Reading calls go straight to GreenMail ({@link ForwardingFolder}). Every change holds
 * {@link ResidentAccounts#changing}; a change of a folder whose account was dropped from memory meanwhile goes to the
 * account brought back.
 */
final class DurableFolder extends ForwardingFolder {

    private static final Flags DELETED = new Flags(Flags.Flag.DELETED);
    /** Newer messages {@link #dropOldest} looks at before it gives up on the ones it did not find. */
    private static final int LOOK_PAST = 64;

    volatile List<String> path; // below the user namespace: account, then folder names
    private final FolderFiles files; // null for the namespace root, which holds no mail
    private final ToIntFunction<List<String>> limits;
    private final MailBudget budget;
    private final ResidentAccounts residents;
    private volatile int limit = -1; // 0: none; -1: not known yet
    /** Its account left memory (see {@link ResidentAccounts}): changes go to the folder that holds its mail now. */
    volatile boolean dropped;
    private final AtomicInteger sessions = new AtomicInteger(); // IMAP sessions that have it selected
    private final AtomicInteger passes = new AtomicInteger(); // see passes()

    DurableFolder(MailFolder memory, List<String> path, FolderFiles files, ToIntFunction<List<String>> limits, MailBudget budget,
            ResidentAccounts residents) {
        super(memory);
        this.path = List.copyOf(path);
        this.files = files;
        this.limits = limits;
        this.budget = budget;
        this.residents = residents;
    }

    String qualifiedName() {
        return USER_NAMESPACE + "." + String.join(".", path);
    }

    boolean listening() {
        return sessions.get() > 0;
    }

    /** This folder, or the one that holds its mail since its account was dropped. */
    private DurableFolder current() {
        return dropped ? residents.live(this) : this;
    }

    @Override
    public void addListener(FolderListener listener) {
        sessions.incrementAndGet();
        super.addListener(listener);
    }

    @Override
    public void removeListener(FolderListener listener) {
        super.removeListener(listener);
        if (sessions.decrementAndGet() == 0) {
            mayBeEmpty(); // a resident's session that emptied the inbox is done with it
            residents.dropEmptied();
        }
    }

    FolderFiles files() {
        return files;
    }

    // What changes mail: GreenMail first, then the disk.

    @Override
    public long appendMessage(MimeMessage message, Flags flags, Date internalDate) {
        return residents.changing(() -> {
            if (dropped) {
                return current().appendMessage(message, flags, internalDate);
            }
            long uid = memory.appendMessage(message, flags, internalDate);
            saved(uid);
            return uid;
        });
    }

    @Override
    public void store(MovingMessage mail) {
        store(mail.getMessage());
    }

    @Override
    public void store(MimeMessage mail) {
        appendMessage(mail, new Flags(), new Date()); // what GreenMail's own store(..) does
    }

    @Override
    public long copyMessage(long uid, MailFolder toFolder) throws FolderException {
        return residents.changing(() -> {
            DurableFolder to = ((DurableFolder) toFolder).current();
            long copy = memory.copyMessage(uid, to.memory);
            to.saved(copy);
            return copy;
        });
    }

    @Override
    public long moveMessage(long uid, MailFolder toFolder) throws FolderException {
        return residents.changing(() -> {
            DurableFolder to = ((DurableFolder) toFolder).current();
            long moved = memory.moveMessage(uid, to.memory);
            if (files == null || to.files == null) {
                return moved;
            }
            Path file;
            synchronized (files) {
                file = files.release(uid);
                rememberUidNext(uid);
            }
            if (file == null) {
                to.saved(moved); // never reached our disk here: written there from memory
            } else {
                to.taken(moved, file);
            }
            mayBeEmpty();
            return moved;
        });
    }

    @Override
    public void setFlags(Flags flags, boolean value, long uid, FolderListener silentListener, boolean addUid) throws FolderException {
        residents.changing(() -> {
            memory.setFlags(flags, value, uid, silentListener, addUid);
            flagsChanged(uid);
            return null;
        });
    }

    @Override
    public void replaceFlags(Flags flags, long uid, FolderListener silentListener, boolean addUid) throws FolderException {
        residents.changing(() -> {
            memory.replaceFlags(flags, uid, silentListener, addUid);
            flagsChanged(uid);
            return null;
        });
    }

    @Override
    public void expunge() throws FolderException {
        residents.changing(() -> {
            memory.expunge();
            forgetGone();
            return null;
        });
    }

    @Override
    public void expunge(IdRange[] idRanges) {
        residents.changing(() -> {
            memory.expunge(idRanges);
            forgetGone();
            return null;
        });
    }

    @Override
    public void deleteAllMessages() {
        residents.changing(() -> {
            memory.deleteAllMessages();
            forgetGone();
            return null;
        });
    }

    /** An account's inbox left empty: its account may leave memory ({@link ResidentAccounts}). */
    void mayBeEmpty() {
        if (path.size() == 2 && memory.getMessageCount() == 0 && "INBOX".equalsIgnoreCase(path.get(1))) {
            residents.emptied(this);
        }
    }

    private void saved(long uid) {
        if (files == null) {
            return;
        }
        synchronized (files) {
            StoredMessage m = newest(uid);
            if (m == null) {
                return; // gone again before we got here
            }
            try {
                files.add(uid, raw(m), m.getFlags(), m.getReceivedDate(), true);
            } catch (RuntimeException diskFailed) {
                drop(uid); // not kept in memory either: the SMTP server answers 451, and the sender tries again
                throw diskFailed;
            }
        }
        kept(uid);
    }

    private void taken(long uid, Path file) {
        synchronized (files) {
            StoredMessage m = newest(uid);
            if (m != null) {
                files.take(uid, file, m.getFlags());
            } else {
                DiskWrites.delete(file);
                return;
            }
        }
        kept(uid);
    }

    private void flagsChanged(long uid) {
        if (files == null) {
            return;
        }
        synchronized (files) {
            StoredMessage m = getMessage(uid);
            if (m != null) {
                files.flags(uid, m.getFlags()); // not forced: a flag lost to a power cut shows a mail again, never loses one
            }
        }
    }

    private void forgetGone() {
        if (files == null) {
            return;
        }
        synchronized (files) {
            Set<Long> live = Arrays.stream(memory.getMessageUids()).boxed().collect(Collectors.toSet());
            for (long uid : files.uids()) {
                if (!live.contains(uid)) {
                    rememberUidNext(uid);
                    files.remove(uid);
                }
            }
        }
        mayBeEmpty();
    }

    private void rememberUidNext(long removedUid) {
        if (files.uidNextBehind(removedUid)) {
            files.saveMeta(memory.getUidValidity(), memory.getUIDNext(), memory.isSelectable());
        }
    }

    /** A mail this folder now keeps: within its own limit and the limit of all bounded folders together. */
    void kept(long uid) {
        if (limit() > 0) {
            trim();
            budget.kept(this, uid);
        }
    }

    /**
     * How much mail a bounded folder (or all of them together, {@link MailBudget}) may hold over its limit: a tenth of
     * it, at least 1. Why: making room costs a pass over the whole folder (GreenMail's expunge scans its list of
     * messages, and finds a message by its UID only with a scan), so making room for every mail delivered into a full
     * folder made each delivery cost O(folder size) (the notifier's journal in the benchmark: 5.7 % of the all-in-one's
     * CPU at 100k complaints of history). Instead, a folder that reaches its limit plus this slack drops its oldest
     * down to the limit in one pass: one pass every {@code slack} deliveries, so O(1) a delivery amortised, for at most
     * a tenth more mail in memory. A limit under 20 has a slack of 1, so it holds exactly its limit between deliveries,
     * as before. (What a pass still costs for each mail it drops: GreenMail's list moves the messages after it up by one,
     * a copy of references, not a scan.)
     */
    static int slack(int limit) {
        return Math.max(1, limit / 10);
    }

    /** Once the folder reaches its limit plus the slack, its oldest mails leave (memory and disk) down to the limit. */
    private synchronized void trim() {
        int limit = limit();
        if (memory.getMessageCount() < limit + slack(limit)) {
            return; // within it: no look at the folder's mail for each mail kept (that made a bulk MOVE quadratic)
        }
        residents.changing(() -> {
            List<StoredMessage> all = memory.getMessages(); // GreenMail's list, oldest first
            List<StoredMessage> oldest = new ArrayList<>();
            try {
                for (int i = 0; i < all.size() - limit; i++) { // the size again each time: the newest `limit` always stay
                    oldest.add(all.get(i));
                }
            } catch (IndexOutOfBoundsException expungedMeanwhile) {
                // fewer to drop
            }
            dropAll(oldest, oldest.size());
            return null;
        });
    }

    /**
     * Drops these mails (UIDs, oldest first) from memory and disk in one pass, for the limit of all folders together: it
     * drops the oldest mail, so these are among the first of the folder, or gone already (this folder's own limit or a
     * client dropped them); a look at the first messages finds them, without a scan of the whole folder: it stops once
     * all are found or {@value #LOOK_PAST} newer ones were seen (two deliveries that raced may be stored out of order).
     */
    synchronized void dropOldest(List<Long> uids) {
        residents.changing(() -> {
            Set<Long> wanted = new HashSet<>(uids);
            long newestWanted = Collections.max(uids);
            List<StoredMessage> all = memory.getMessages();
            List<StoredMessage> found = new ArrayList<>();
            int looked = 0;
            try {
                for (int newer = 0; looked < all.size() && found.size() < wanted.size() && newer < LOOK_PAST; looked++) {
                    StoredMessage m = all.get(looked);
                    if (wanted.contains(m.getUid())) {
                        found.add(m);
                    } else if (m.getUid() > newestWanted) {
                        newer++;
                    }
                }
            } catch (IndexOutOfBoundsException expungedMeanwhile) {
                // what is left of them is gone
            }
            dropAll(found, looked);
            return null;
        });
    }

    /**
     * The one pass: the messages (found within the folder's first {@code reach}) are marked \Deleted and expunged by
     * their UIDs (a range for each run of consecutive UIDs: one, as a rule), so GreenMail scans the folder once for all
     * of them and IMAP sessions see them expunged; then their files go, and the next UID is written down if need be (as
     * {@link #dropNow}). One that a client took the \Deleted off meanwhile is still there: it keeps its file. Holds
     * {@link ResidentAccounts#changing}.
     */
    private void dropAll(List<StoredMessage> drop, int reach) {
        if (drop.isEmpty()) {
            return;
        }
        long[] uids = new long[drop.size()];
        for (int i = 0; i < uids.length; i++) {
            drop.get(i).setFlags(DELETED, true); // not memory.setFlags: that finds each message with a scan
            uids[i] = drop.get(i).getUid();
        }
        memory.expunge(runs(uids));
        passes.incrementAndGet();
        if (files != null) {
            // Messages only ever move towards the start (an append goes at the end): one still there is within `reach`.
            Set<StoredMessage> left = Collections.newSetFromMap(new IdentityHashMap<>());
            left.addAll(drop);
            Set<StoredMessage> stayed = Collections.newSetFromMap(new IdentityHashMap<>());
            List<StoredMessage> all = memory.getMessages();
            try {
                for (int i = 0; i < Math.min(reach, all.size()); i++) {
                    if (left.contains(all.get(i))) {
                        stayed.add(all.get(i));
                    }
                }
            } catch (IndexOutOfBoundsException expungedMeanwhile) {
                // fewer to look at
            }
            synchronized (files) {
                for (StoredMessage m : drop) {
                    if (!stayed.contains(m)) {
                        rememberUidNext(m.getUid());
                        files.remove(m.getUid());
                    }
                }
            }
        }
        mayBeEmpty();
    }

    /** Exactly these UIDs, as ranges of consecutive ones. */
    private static IdRange[] runs(long[] uids) {
        long[] sorted = uids.clone();
        Arrays.sort(sorted);
        List<IdRange> runs = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || sorted[i] > sorted[i - 1] + 1) {
                runs.add(new IdRange(sorted[from], sorted[i - 1]));
                from = i;
            }
        }
        return runs.toArray(IdRange[]::new);
    }

    /** One mail leaves memory and disk (IMAP sessions see it expunged); nothing if it is gone already. */
    private void drop(long uid) {
        residents.changing(() -> {
            dropNow(uid);
            return null;
        });
    }

    /** The mail just delivered, which its disk write failed to keep (see {@link #saved}). */
    private void dropNow(long uid) {
        try {
            memory.setFlags(DELETED, true, uid, null, true);
        } catch (FolderException | IndexOutOfBoundsException gone) {
            return; // expunged meanwhile (GreenMail's look-up and access are two steps)
        }
        memory.expunge(new IdRange[] {new IdRange(uid)});
        if (files != null) {
            synchronized (files) { // this mail only: not a pass over every mail of the folder for each one dropped
                if (memory.getMessage(uid) == null) {
                    rememberUidNext(uid);
                    files.remove(uid);
                }
            }
        }
        mayBeEmpty();
    }

    /** The passes that dropped mail for the limits (one GreenMail expunge each), for the tests. */
    int passes() {
        return passes.get();
    }

    MailBudget budget() {
        return budget;
    }

    private int limit() {
        if (limit < 0) {
            int l = limits.applyAsInt(path);
            if (l >= 0) {
                limit = l;
            }
            return Math.max(l, 0);
        }
        return limit;
    }

    static byte[] raw(StoredMessage m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            m.getMimeMessage().writeTo(out);
        } catch (IOException | MessagingException e) {
            throw new UncheckedIOException(new IOException("Cannot write mail " + m.getUid() + " out", e));
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "DurableFolder" + path;
    }
}

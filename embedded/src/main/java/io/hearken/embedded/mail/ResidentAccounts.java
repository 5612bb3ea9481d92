package io.hearken.embedded.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;

/**
 * Resident accounts leave memory when their inbox is empty: the server makes an account (a GreenMail user, its
 * folders, their indexes, about 2 KB of heap) for every address it gets mail for, and the mail limits bound the mail
 * but not the accounts. A dropped account stays on disk (its line in {@code accounts}, its folders with UIDVALIDITY
 * and the next UID, a {@code dormant/} note) and comes back at the next look-up: a delivery, a login, a session that
 * selects its inbox again. Only accounts made on the fly for an address (login and password the address) are
 * dropped, never the complaints account nor those named {@code kept} (the notifier's journal).
 *
 * <p>Every change of mail holds a read lock ({@link #changing}), a drop the write lock, so no mail is added to a
 * folder while it is dropped; a change that meets a dropped folder (looked up before the drop) goes to the account
 * brought back instead ({@link DurableFolder}). A drop waits for nobody: an inbox found empty is noted, and dropped
 * when a change ends and no other change is under way.
 */
final class ResidentAccounts {

    /** A change of mail that may throw what GreenMail's folder methods throw. */
    interface Change<T, E extends Exception> {
        T run() throws E;
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private final Set<DurableFolder> emptied = ConcurrentHashMap.newKeySet();
    private final Set<String> kept;
    private DurableStore store;
    private DurableUserManager users;

    ResidentAccounts(Set<String> kept) {
        this.kept = kept.stream().map(a -> a.toLowerCase(Locale.ENGLISH)).collect(Collectors.toUnmodifiableSet());
    }

    void wire(DurableStore store, DurableUserManager users) {
        this.store = store;
        this.users = users;
    }

    <T, E extends Exception> T changing(Change<T, E> change) throws E {
        int[] d = depth.get();
        lock.readLock().lock();
        d[0]++;
        try {
            return change.run();
        } finally {
            d[0]--;
            lock.readLock().unlock();
            if (d[0] == 0) {
                dropEmptied();
            }
        }
    }

    /** An account's inbox just became empty: dropped once no change is under way. */
    void emptied(DurableFolder inbox) {
        emptied.add(inbox);
    }

    /** Drops the accounts noted empty, if no change is under way now (else the next change to end does). */
    void dropEmptied() {
        if (emptied.isEmpty() || depth.get()[0] > 0 || !lock.writeLock().tryLock()) {
            return;
        }
        try {
            for (DurableFolder inbox : emptied) {
                emptied.remove(inbox);
                drop(inbox);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether the account of this mailbox name left memory (it stays on disk until looked up). */
    boolean isDormant(String account) {
        return users.isDormant(account);
    }

    /** Brings back the account of this mailbox name if it left memory; {@code false}: it did not. */
    boolean revive(String account) {
        return users.revive(account);
    }

    /** The folder that holds a dropped folder's mail now: the account comes back (from disk) if need be. */
    DurableFolder live(DurableFolder dropped) {
        DurableFolder live = (DurableFolder) store.getMailbox(dropped.qualifiedName());
        if (live == null) {
            throw new IllegalStateException("Mail folder " + dropped.qualifiedName() + " cannot be brought back");
        }
        return live;
    }

    private void drop(DurableFolder inbox) {
        if (inbox.dropped || inbox.getMessageCount() > 0 || inbox.listening() || inbox.path.size() != 2) {
            return; // got mail again, or a session has it selected
        }
        String account = inbox.path.get(0);
        GreenMailUser user = users.ownerOf(account);
        if (user != null && droppable(user) && store.holdsOnlyInbox(account)) {
            users.dormant(user);
        }
    }

    private boolean droppable(GreenMailUser user) {
        String email = user.getEmail();
        return !kept.contains(email.toLowerCase(Locale.ENGLISH)) && email.equalsIgnoreCase(user.getLogin())
                && email.equals(user.getPassword());
    }
}

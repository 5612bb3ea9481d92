package io.hearken.embedded.mail;

import static com.icegreen.greenmail.imap.ImapConstants.USER_NAMESPACE;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.imap.ImapHostManagerImpl;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** GreenMail's parts (store, accounts, SMTP delivery), each keeping what it holds on disk under one folder. */
final class DurableManagers extends Managers {

    private final MailLimits limits;
    private final ResidentAccounts residents;
    private final DurableStore store;
    private final ImapHostManager imap;
    private final DurableUserManager users;
    private final SmtpManager smtp;

    private DurableManagers(Path dir, MailLimits limits, Set<String> kept) {
        this.limits = limits;
        this.residents = new ResidentAccounts(kept);
        this.store = new DurableStore(dir.resolve("folders"), this::limit, new MailBudget(limits.total()), residents);
        this.imap = new ImapHostManagerImpl(store) {
            @Override
            public void deletePrivateMailAccount(GreenMailUser user) {
                if (store.getMailbox(store.getMailbox(USER_NAMESPACE), user.getQualifiedMailboxName()) != null) {
                    super.deletePrivateMailAccount(user); // else: an account leaving memory, its folders gone already
                }
            }
        };
        this.users = new DurableUserManager(imap, dir.resolve("accounts"), store);
        this.smtp = new DurableSmtpManager(imap, users);
        residents.wire(store, users);
    }

    /**
     * Accounts first, then their folders and mail, as the disk has them; then the resident accounts with an empty
     * inbox leave memory ({@link ResidentAccounts}). {@code kept}: accounts never dropped from memory.
     */
    static DurableManagers open(Path dir, MailLimits limits, Set<String> kept) {
        DurableManagers managers = new DurableManagers(dir, limits, kept);
        try {
            managers.store.restoring();
            managers.users.restore();
            managers.store.restore();
        } catch (UserException | FolderException e) {
            throw new IllegalStateException("Cannot restore the mail kept in " + dir + ": " + e.getMessage(), e);
        }
        managers.store.folders().forEach(DurableFolder::mayBeEmpty);
        managers.residents.dropEmptied();
        return managers;
    }

    /** Most mail a folder keeps (0: no limit; -1: its account is not known yet), by folder path. */
    private int limit(List<String> path) {
        if (path.size() < 2) {
            return 0;
        }
        GreenMailUser owner = users.ownerOf(path.get(0));
        return owner == null ? -1 : limits.of(owner.getEmail(), path.subList(1, path.size()));
    }

    @Override
    public ImapHostManager getImapHostManager() {
        return imap;
    }

    @Override
    public UserManager getUserManager() {
        return users;
    }

    @Override
    public SmtpManager getSmtpManager() {
        return smtp;
    }
}

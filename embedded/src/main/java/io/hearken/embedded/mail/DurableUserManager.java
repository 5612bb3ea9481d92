package io.hearken.embedded.mail;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GreenMail's accounts, each also written to the {@code accounts} file (one line per account created or
 * deleted, appended and forced to disk with the mail that created it), so the accounts the server made on
 * the fly for each address come back with their mail. Compacted at every start. An account dropped from memory
 * ({@link ResidentAccounts}) has a note {@code dormant/<mailbox name>} (its line of {@code accounts}) and comes back
 * from it when looked up by login, address or mailbox name; the note is not forced: lost, the account just comes back
 * into memory at the next start.
 */
final class DurableUserManager extends UserManager {

    private final Path file;
    private final Path dormant;
    private final DurableStore store;
    /** Account by the name of its mailbox (GreenMail's qualified name): one per resident, so never searched. */
    private final Map<String, GreenMailUser> byMailbox = new ConcurrentHashMap<>();
    private final ThreadLocal<Boolean> restoring = ThreadLocal.withInitial(() -> false);

    DurableUserManager(ImapHostManager imapHostManager, Path file, DurableStore store) {
        super(imapHostManager);
        this.file = file;
        this.dormant = file.resolveSibling("dormant");
        this.store = store;
    }

    @Override
    public GreenMailUser createUser(String email, String login, String password) throws UserException {
        GreenMailUser user = super.createUser(email, login, password);
        byMailbox.put(user.getQualifiedMailboxName(), user);
        if (!restoring.get()) {
            append("+\t" + enc(email) + "\t" + enc(login) + "\t" + enc(password));
        }
        return user;
    }

    @Override
    public GreenMailUser getUser(String login) {
        GreenMailUser user = super.getUser(login);
        return user != null || login == null ? user : wake(login);
    }

    @Override
    public GreenMailUser getUserByEmail(String email) {
        GreenMailUser user = super.getUserByEmail(email);
        return user != null || email == null ? user : wake(email);
    }

    /** The account leaves memory: the note first, so that a look-up from now on brings it back. */
    synchronized void dormant(GreenMailUser user) {
        String account = user.getQualifiedMailboxName();
        try {
            Files.createDirectories(dormant);
            Files.writeString(dormant.resolve(account), line(user.getEmail(), user.getLogin(), user.getPassword()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return; // stays in memory
        }
        store.forget(account);
        byMailbox.remove(account);
        super.deleteUser(user); // out of GreenMail's maps; its folders are gone already, so nothing is deleted
    }

    boolean isDormant(String account) {
        return Files.exists(dormant.resolve(account));
    }

    /** Brings back the dropped account of this mailbox name; {@code false}: there is none. */
    boolean revive(String account) {
        return isDormant(account) && wake(dormant.resolve(account), null) != null;
    }

    /** A login or address not in memory: its dropped account, if it has one (named after the address's hash). */
    private GreenMailUser wake(String address) {
        if (restoring.get() || !Files.isDirectory(dormant)) {
            return null;
        }
        for (String a : new String[] {address, address.toLowerCase(Locale.ENGLISH)}) {
            Path note = dormant.resolve(String.valueOf(a.hashCode()));
            if (Files.exists(note)) {
                GreenMailUser user = wake(note, address);
                if (user != null) {
                    return user;
                }
            }
        }
        return null;
    }

    private synchronized GreenMailUser wake(Path note, String address) {
        String[] a;
        try {
            String[] f = Files.readString(note, StandardCharsets.UTF_8).strip().split("\t");
            a = new String[] {dec(f[1]), dec(f[2]), dec(f[3])};
        } catch (IOException | RuntimeException gone) {
            return null; // woken meanwhile, or none
        }
        if (address != null && !a[0].equalsIgnoreCase(address) && !a[1].equalsIgnoreCase(address)) {
            return null; // another address with the same hash
        }
        GreenMailUser live = super.getUserByEmail(a[0]);
        if (live != null) {
            return live;
        }
        restoring.set(true);
        try {
            GreenMailUser user = createUser(a[0], a[1], a[2]); // its folders take back what their directories hold
            DiskWrites.delete(note);
            return user;
        } catch (UserException e) {
            return null;
        } finally {
            restoring.set(false);
        }
    }

    @Override
    public void deleteUser(GreenMailUser user) {
        super.deleteUser(user);
        DiskWrites.delete(dormant.resolve(user.getQualifiedMailboxName()));
        byMailbox.remove(user.getQualifiedMailboxName());
        append("-\t" + enc(user.getEmail()));
    }

    /** The accounts from the file, before any mail folder is restored (their folders take the mail back). */
    synchronized void restore() throws UserException {
        Map<String, String[]> accounts = new LinkedHashMap<>();
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t");
                    if (f.length == 4 && f[0].equals("+")) {
                        accounts.put(dec(f[1]).toLowerCase(), new String[] {dec(f[1]), dec(f[2]), dec(f[3])});
                    } else if (f.length == 2 && f[0].equals("-")) {
                        accounts.remove(dec(f[1]).toLowerCase());
                    } // else: the last line, cut short by a crash
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        StringBuilder compact = new StringBuilder();
        restoring.set(true);
        try {
            for (String[] a : accounts.values()) {
                boolean asleep = isDormant(String.valueOf(a[0].hashCode()));
                if (!asleep && getUserByEmail(a[0]) == null && getUser(a[1]) == null) {
                    createUser(a[0], a[1], a[2]); // restoring: indexed, not appended again
                }
                compact.append(line(a[0], a[1], a[2]));
            }
        } finally {
            restoring.set(false);
        }
        DiskWrites.write(file, compact.toString().getBytes(StandardCharsets.UTF_8), true);
    }

    /** The account that owns the mailbox of this name, or null. */
    GreenMailUser ownerOf(String mailbox) {
        return byMailbox.get(mailbox);
    }

    private static String line(String email, String login, String password) {
        return "+\t" + enc(email) + "\t" + enc(login) + "\t" + enc(password) + "\n";
    }

    private synchronized void append(String line) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        DiskWrites.synced(file);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GreenMail's accounts, each also written to the {@code accounts} file (one line per account created or
 * deleted, appended and forced to disk with the mail that created it), so the accounts the server made on
 * the fly for each address come back with their mail. Compacted at every start.
 */
final class DurableUserManager extends UserManager {

    private final Path file;
    /** Account by the name of its mailbox (GreenMail's qualified name): one per resident, so never searched. */
    private final Map<String, GreenMailUser> byMailbox = new ConcurrentHashMap<>();
    private boolean restoring;

    DurableUserManager(ImapHostManager imapHostManager, Path file) {
        super(imapHostManager);
        this.file = file;
    }

    @Override
    public GreenMailUser createUser(String email, String login, String password) throws UserException {
        GreenMailUser user = super.createUser(email, login, password);
        byMailbox.put(user.getQualifiedMailboxName(), user);
        if (!restoring) {
            append("+\t" + enc(email) + "\t" + enc(login) + "\t" + enc(password));
        }
        return user;
    }

    @Override
    public void deleteUser(GreenMailUser user) {
        super.deleteUser(user);
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
        restoring = true;
        try {
            for (String[] a : accounts.values()) {
                if (getUserByEmail(a[0]) == null && getUser(a[1]) == null) {
                    createUser(a[0], a[1], a[2]); // restoring: indexed, not appended again
                }
                compact.append("+\t").append(enc(a[0])).append('\t').append(enc(a[1])).append('\t').append(enc(a[2])).append('\n');
            }
        } finally {
            restoring = false;
        }
        DiskWrites.write(file, compact.toString().getBytes(StandardCharsets.UTF_8), true);
    }

    /** The account that owns the mailbox of this name, or null. */
    GreenMailUser ownerOf(String mailbox) {
        return byMailbox.get(mailbox);
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

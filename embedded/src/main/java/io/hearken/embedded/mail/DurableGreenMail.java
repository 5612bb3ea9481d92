package io.hearken.embedded.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapServer;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * GreenMail (SMTP + IMAP) that keeps its accounts, folders, mail and flags in a folder on disk: each
 * mail is there before the SMTP server answers 250, and a start (also after {@link #stop}, or after a
 * crash) brings back everything that was there. The complaints account exists before the ports open.
 */
public final class DurableGreenMail extends GreenMail {

    private final Path dir;
    private final MailLimits limits;
    private final String complaintsPassword;
    private final Set<String> kept;

    public DurableGreenMail(ServerSetup[] setups, Path dir, MailLimits limits, String complaintsPassword) {
        this(setups, dir, limits, complaintsPassword, Set.of());
    }

    /**
     * {@code kept}: accounts that stay in memory even when empty (the others made on the fly for an address leave it
     * while their inbox is empty, see {@link ResidentAccounts}).
     */
    public DurableGreenMail(ServerSetup[] setups, Path dir, MailLimits limits, String complaintsPassword, Set<String> kept) {
        super(setups);
        this.dir = dir;
        this.limits = limits;
        this.complaintsPassword = complaintsPassword;
        this.kept = Set.copyOf(kept);
    }

    @Override
    public synchronized void start() {
        if (!(managers instanceof DurableManagers)) {
            managers = DurableManagers.open(dir, limits, kept); // GreenMail's stop() leaves an empty in-memory one
        }
        setUser(limits.complaintsAddress(), limits.complaintsAddress(), complaintsPassword);
        super.start();
    }

    /** GreenMail's IMAP server, but with {@link IndexedImapServer}'s sessions. */
    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers mgr) {
        Map<String, AbstractServer> services = super.createServices(config, mgr);
        services.computeIfPresent(ServerSetup.PROTOCOL_IMAP, (protocol, greenMails) -> new IndexedImapServer(greenMails.getServerSetup(), mgr));
        return services;
    }

    /**
     * Not GreenMail's IMAP server (final, so ours cannot be one): {@link IndexedImapServer} runs instead; its port is
     * {@link #imapPort}.
     */
    @Override
    public ImapServer getImap() {
        throw new UnsupportedOperationException("The durable mail server runs its own IMAP server: use imapPort()");
    }

    public int imapPort() {
        return services.get(ServerSetup.PROTOCOL_IMAP).getPort();
    }

    public Path dir() {
        return dir;
    }
}

package io.hearken.embedded.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;

/**
 * GreenMail (SMTP + IMAP) that keeps its accounts, folders, mail and flags in a folder on disk: each
 * mail is there before the SMTP server answers 250, and a start (also after {@link #stop}, or after a
 * crash) brings back everything that was there. The complaints account exists before the ports open.
 */
public final class DurableGreenMail extends GreenMail {

    private final Path dir;
    private final MailLimits limits;
    private final String complaintsPassword;

    public DurableGreenMail(ServerSetup[] setups, Path dir, MailLimits limits, String complaintsPassword) {
        super(setups);
        this.dir = dir;
        this.limits = limits;
        this.complaintsPassword = complaintsPassword;
    }

    @Override
    public synchronized void start() {
        if (!(managers instanceof DurableManagers)) {
            managers = DurableManagers.open(dir, limits); // GreenMail's stop() leaves an empty in-memory one
        }
        setUser(limits.complaintsAddress(), limits.complaintsAddress(), complaintsPassword);
        super.start();
    }

    public Path dir() {
        return dir;
    }
}

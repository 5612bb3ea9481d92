package io.hearken.intake.email;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code hearken.email.*}: the complaints mailbox and what the channel accepts. Every key has a default, so
 * the all-in-one needs only the IMAP address, which the embedded servers provide.
 *
 * @param enabled             {@code false} stops the mailbox watcher (the rest stays usable)
 * @param imap                where the mailbox is
 * @param folder              the folder residents' mail arrives in
 * @param processedFolder     where a message goes once its event is in Kafka (created when missing)
 * @param quarantineFolder    where a message that cannot be read goes, with the reason (created when missing)
 * @param pollInterval        how often the folder is checked again; also breaks IDLE so a lost notification costs at most this
 * @param maxMessageSize      a bigger message is not downloaded but quarantined
 * @param maxAttachmentSize   a bigger attachment is left out of the complaint (named in its details)
 * @param attachmentsDir      where attachments are stored; the events carry a file URI
 * @param senderHourlyLimit   new complaints one sender may open per hour; more are skipped
 * @param seenTopic           compacted topic that remembers every message already turned into an event
 * @param deadLetterTopic     where a quarantined message is reported with its reason
 * @param maxBackoff          longest wait between reconnection attempts
 * @param mailboxes           further mailboxes or folders read the same way; IMAP keys left out are taken from
 *                            {@code imap} (no host: its whole connection; no username: its login)
 */
@ConfigurationProperties("hearken.email")
public record EmailIntakeProperties(@DefaultValue("true") boolean enabled, @DefaultValue Imap imap,
        @DefaultValue("INBOX") String folder, @DefaultValue("Processed") String processedFolder,
        @DefaultValue("Quarantine") String quarantineFolder, @DefaultValue("60s") Duration pollInterval,
        @DefaultValue("50MB") DataSize maxMessageSize, @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("./data/attachments") Path attachmentsDir, @DefaultValue("5") int senderHourlyLimit,
        @DefaultValue("intake.email.seen") String seenTopic, @DefaultValue("intake.email-dlt") String deadLetterTopic,
        @DefaultValue("60s") Duration maxBackoff, @DefaultValue List<Mailbox> mailboxes) {

    /** Every mailbox to watch: {@code imap} + {@code folder} when configured, then {@code mailboxes}. */
    public List<Mailbox> watched() {
        List<Mailbox> all = new ArrayList<>();
        if (imap != null && imap.configured()) {
            all.add(new Mailbox(folder, imap, folder));
        }
        for (Mailbox m : mailboxes == null ? List.<Mailbox>of() : mailboxes) {
            Mailbox resolved = m.inheriting(imap);
            if (resolved.imap().configured()) {
                all.add(resolved);
            }
        }
        return all;
    }

    /**
     * One watched folder of one IMAP account.
     *
     * @param name   how events and logs name it ({@code details.mailbox}); default: the folder for the first
     *               mailbox, {@code <username>/<folder>} for the others
     * @param imap   the account; missing keys come from {@code hearken.email.imap}
     * @param folder the folder to read; the processed and quarantine folders are created in the same account
     */
    public record Mailbox(String name, Imap imap, @DefaultValue("INBOX") String folder) {

        Mailbox inheriting(Imap base) {
            Imap own = imap;
            Imap merged;
            if (base == null) {
                merged = own;
            } else if (own == null) {
                merged = base;
            } else {
                boolean sameServer = own.host() == null || own.host().isBlank();
                // The main account's login only for the main account's server: never sent to another host.
                boolean sameLogin = sameServer && (own.username() == null || own.username().isBlank());
                merged = new Imap(sameServer ? base.host() : own.host(), sameServer ? base.port() : own.port(),
                        sameLogin ? base.username() : own.username(), sameLogin ? base.password() : own.password(),
                        sameServer ? base.tls() : own.tls(), sameServer ? base.starttls() : own.starttls(),
                        sameServer ? base.timeout() : own.timeout(), sameServer ? base.idle() : own.idle());
            }
            if (merged == null) {
                merged = new Imap(null, 143, null, null, false, false, Duration.ofSeconds(30), true);
            }
            String label = name != null && !name.isBlank() ? name
                    : (merged.username() == null ? "" : merged.username() + "/") + (folder == null ? "INBOX" : folder);
            return new Mailbox(label, merged, folder == null ? "INBOX" : folder);
        }
    }

    /**
     * @param tls      {@code true}: IMAPS (implicit TLS, port 993); {@code false} with {@code starttls}: upgrade on 143
     * @param starttls require STARTTLS on a plain connection
     * @param timeout  connect and read timeout
     * @param idle     wait with IMAP IDLE where the server has it; {@code false}: poll every poll interval
     *                 (for servers whose IDLE notifications are unreliable)
     */
    public record Imap(String host, @DefaultValue("143") int port, String username, String password,
            @DefaultValue("false") boolean tls, @DefaultValue("false") boolean starttls,
            @DefaultValue("30s") Duration timeout, @DefaultValue("true") boolean idle) {

        public boolean configured() {
            return host != null && !host.isBlank() && username != null && !username.isBlank();
        }
    }
}

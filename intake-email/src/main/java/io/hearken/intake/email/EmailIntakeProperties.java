package io.hearken.intake.email;

import java.nio.file.Path;
import java.time.Duration;
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
 */
@ConfigurationProperties("hearken.email")
public record EmailIntakeProperties(@DefaultValue("true") boolean enabled, @DefaultValue Imap imap,
        @DefaultValue("INBOX") String folder, @DefaultValue("Processed") String processedFolder,
        @DefaultValue("Quarantine") String quarantineFolder, @DefaultValue("60s") Duration pollInterval,
        @DefaultValue("50MB") DataSize maxMessageSize, @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("./data/attachments") Path attachmentsDir, @DefaultValue("5") int senderHourlyLimit,
        @DefaultValue("intake.email.seen") String seenTopic, @DefaultValue("intake.email-dlt") String deadLetterTopic,
        @DefaultValue("60s") Duration maxBackoff) {

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

package io.hearken.notifier.delivery;

import io.hearken.events.privacy.PersonalData;
import io.hearken.notifier.ledger.NotSentReasons;
import io.hearken.notifier.ledger.NotificationLedger;
import io.hearken.notifier.ledger.RecordingNotifications;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sends one notice at most once: skips what the ledger says was answered, refuses bounced addresses and
 * flooded mailboxes and opted-out numbers, picks the first sender that can reach the recipient, and records the outcome on
 * {@code notifications}. A failed send throws, so the event is retried (and dead-lettered in the end).
 */
@Component("notifierDeliveringNotice")
public class DeliveringNotice {

    private static final Logger log = LoggerFactory.getLogger(DeliveringNotice.class);

    private final List<Sender> senders;
    private final NotificationLedger ledger;
    private final RecordingNotifications records;
    private final RateLimit rateLimit;
    private final MeterRegistry meters;
    private final SentJournal journal;

    DeliveringNotice(List<Sender> senders, NotificationLedger ledger, RecordingNotifications records,
            RateLimit rateLimit, ObjectProvider<MeterRegistry> meters, SentJournal journal) {
        this.journal = journal;
        this.senders = senders;
        this.ledger = ledger;
        this.records = records;
        this.rateLimit = rateLimit;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
    }

    public void deliver(Notice notice) {
        String kind = notice.kind().id();
        String cause = notice.causeEventId();
        if (ledger.isAnswered(cause, kind) || records.writePending(cause, kind)) {
            count(kind, "duplicate");
            return;
        }
        Recipient recipient = notice.recipient();
        Optional<Sender> reachable = senders.stream().filter(s -> s.canReach(recipient)).findFirst();
        if (reachable.isEmpty()) {
            boolean phone = recipient.hasPhone();
            // Today only a phone number with SMS off (hearken.notifier.sms.enabled=false) leaves a resident unreachable.
            records.notSent(notice.complaintId(), kind, phone ? NotSentReasons.NO_EMAIL : NotSentReasons.NO_CONTACT,
                    phone ? "no channel: phone only and SMS is off: " + PersonalData.mask(recipient.phone())
                            : "no contact given", cause);
            count(kind, "not-sent");
            return;
        }
        Sender sender = reachable.get();
        String address = sender.address(recipient);
        if (!sender.isValid(address)) {
            records.notSent(notice.complaintId(), kind, NotSentReasons.INVALID_ADDRESS,
                    "not a valid " + sender.medium() + " address: " + PersonalData.mask(address), cause);
            count(kind, "not-sent");
            return;
        }
        if (ledger.hasBounced(address)) {
            records.notSent(notice.complaintId(), kind, NotSentReasons.BOUNCED,
                    PersonalData.mask(address) + " bounced permanently before", cause);
            count(kind, "not-sent");
            return;
        }
        if (sender.optedOut(address)) {
            records.notSent(notice.complaintId(), kind, NotSentReasons.OPTED_OUT,
                    PersonalData.mask(address) + " opted out of " + sender.medium(), cause);
            count(kind, "not-sent");
            return;
        }
        boolean limited = recipient.isResident();
        if (limited && !rateLimit.tryAcquire(address)) {
            records.notSent(notice.complaintId(), kind, NotSentReasons.RATE_LIMITED,
                    "too many mails to " + PersonalData.mask(address), cause);
            count(kind, "not-sent");
            return;
        }
        String expected = sender.messageId(notice);
        if (expected != null && journal.accepted(expected)) {
            // Sent before a crash that came before its record: record it now instead of sending it twice.
            if (limited) {
                rateLimit.release(address);
            }
            records.sent(notice.complaintId(), kind, sender.medium(), PersonalData.mask(address), expected, cause);
            count(kind, "reconciled");
            log.info("{} for {} was accepted by SMTP before a restart; recorded, not sent again", kind, notice.complaintId());
            return;
        }
        String messageId;
        String detail;
        try {
            detail = sender.detail(notice);
            messageId = sender.send(notice);
        } catch (Sender.Rejected e) {
            if (limited) {
                rateLimit.release(address);
            }
            records.notSent(notice.complaintId(), kind, NotSentReasons.REJECTED, e.getMessage(), cause);
            count(kind, "not-sent");
            log.warn("{} for {} was rejected by the {} medium (dead letter, no retry): {}", kind, notice.complaintId(),
                    sender.medium(), e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            if (limited) {
                rateLimit.release(address);
            }
            meters.counter("hearken.notifier.send.failures", "medium", sender.medium()).increment();
            log.warn("Sending {} for {} failed (will retry): {}", kind, notice.complaintId(),
                    e.toString().replaceAll("([A-Za-z0-9])[A-Za-z0-9._%+-]*@", "$1***@"));
            throw e;
        }
        records.sent(notice.complaintId(), kind, sender.medium(), PersonalData.mask(address), messageId, cause, detail);
        count(kind, "sent");
    }

    private void count(String kind, String outcome) {
        meters.counter("hearken.notifier.notices", "kind", kind, "outcome", outcome).increment();
    }
}

package io.hearken.notifier.ledger;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.MailBounced;
import io.hearken.events.NotificationNotSent;
import io.hearken.events.NotificationSent;
import io.hearken.events.Topics;
import io.hearken.events.kafka.FollowingTopic;
import io.hearken.events.kafka.TopicTail;
import io.hearken.events.privacy.PersonalData;
import io.hearken.events.store.LocalStateProperties;
import io.hearken.events.store.LocalStore;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The notifier's memory, kept in the {@code notifications} topic itself: which (cause event, kind) pairs were
 * already answered, and which addresses bounced permanently. Rebuilt at start-up by reading the topic from its
 * beginning, then followed; our own records are also noted at once, before the topic echoes them back. Both are kept
 * in a local store on disk, kept across clean stops (read on from where it was closed, {@link LocalStore#openKept}):
 * the answered pairs (one or more per complaint, so they grow with the history) and the permanently bounced addresses,
 * as their keyed contact hash ({@link PersonalData#hash}, as the SMS opt-outs and the erasure audit keep them), both
 * keys without a value; the hashes (few) are also held in memory, loaded from the store's keys at start, which needs
 * no data key.
 */
@Component("notifierNotificationLedger")
public class NotificationLedger extends FollowingTopic implements AutoCloseable {

    private static final byte[] ANSWERED = {};
    private static final String BOUNCED = "bounced/";
    /** What the store's format is: a store kept by a notifier that stored differently is rebuilt. */
    private static final int STORE_FORMAT = 1;

    /** Reasons after which a redelivery must not try again; {@code gave-up} is not one: a replay may still send. */
    static final Set<String> FINAL_REASONS = Set.of(NotSentReasons.NO_EMAIL, NotSentReasons.NO_CONTACT, NotSentReasons.INVALID_ADDRESS,
            NotSentReasons.BOUNCED, NotSentReasons.RATE_LIMITED, NotSentReasons.OPTED_OUT);

    /** Keys {@code <cause event id>|<kind>} and {@code bounced/<contact hash>}, no values: no address in clear. */
    private final LocalStore answered;
    private final PersonalData privacy;
    /** The contact hashes of the addresses that bounced permanently. */
    private final Set<String> bounced = ConcurrentHashMap.newKeySet();
    private final TopicTail<ComplaintEvent> tail;

    NotificationLedger(ConsumerFactory<String, ComplaintEvent> consumers, LocalStateProperties local,
            PersonalData privacy) {
        super(BEFORE_LISTENERS);
        this.answered = LocalStore.openKept(local, "notifier-ledger", STORE_FORMAT);
        this.privacy = privacy;
        answered.forEach(BOUNCED, (key, none) -> bounced.add(key.substring(BOUNCED.length()))); // kept by a clean stop
        this.tail = follow(new TopicTail<>(Topics.NOTIFICATIONS, consumers, this::accept)
                .keptIn(answered, bounced::clear));
    }

    void accept(ComplaintEvent event) {
        if (event instanceof NotificationSent sent) {
            answered.put(key(sent.causeEventId(), sent.kind()), ANSWERED);
        } else if (event instanceof NotificationNotSent notSent && FINAL_REASONS.contains(notSent.reason())) {
            answered.put(key(notSent.causeEventId(), notSent.kind()), ANSWERED);
        } else if (event instanceof MailBounced bounce && bounce.permanent() && bounce.address() != null) {
            String hash = privacy.hash(bounce.address());
            if (hash != null) {
                answered.put(BOUNCED + hash, ANSWERED);
                bounced.add(hash);
            }
        }
    }

    public boolean isAnswered(String causeEventId, String kind) {
        return answered.get(key(causeEventId, kind)) != null;
    }

    public boolean hasBounced(String address) {
        String hash = address == null ? null : privacy.hash(address);
        return hash != null && bounced.contains(hash);
    }

    /** Called right after our own record reached Kafka. */
    void note(ComplaintEvent ownRecord) {
        accept(ownRecord);
    }

    /**
     * Reads {@code notifications} up to its current end: called when this instance takes over partitions, so a
     * record another instance wrote just before it stopped is known before that instance's events come again.
     */
    public boolean awaitCurrent(Duration timeout) {
        return tail.awaitCurrent(timeout);
    }

    /** As {@link #awaitCurrent(Duration)} while the ledger keeps reading (at start: the whole topic). */
    public boolean awaitCurrent(Duration stalled, Duration atMost) {
        return tail.awaitCurrent(stalled, atMost);
    }

    /** The store its tail keeps its position in (kept across clean stops). */
    LocalStore store() {
        return answered;
    }

    /** Closes the local store (kept, with the position its tail reached); the tail has stopped before (lifecycle). */
    @Override
    public void close() {
        answered.close();
    }

    private static String key(String causeEventId, String kind) {
        return causeEventId + "|" + kind;
    }
}

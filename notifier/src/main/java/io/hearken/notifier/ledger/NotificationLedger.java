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
 * beginning, then followed; our own records are also noted at once, before the topic echoes them back. The answered
 * pairs (one or more per complaint, so they grow with the history) are kept in a local store on disk, opened empty
 * at every start; the bounced addresses (few) in memory.
 */
@Component("notifierNotificationLedger")
public class NotificationLedger extends FollowingTopic implements AutoCloseable {

    private static final byte[] ANSWERED = {};

    /** Reasons after which a redelivery must not try again; {@code gave-up} is not one: a replay may still send. */
    static final Set<String> FINAL_REASONS = Set.of(NotSentReasons.NO_EMAIL, NotSentReasons.NO_CONTACT, NotSentReasons.INVALID_ADDRESS,
            NotSentReasons.BOUNCED, NotSentReasons.RATE_LIMITED, NotSentReasons.OPTED_OUT);

    /** Keys {@code <cause event id>|<kind>}, no value: nothing personal. */
    private final LocalStore answered;
    private final Set<String> bounced = ConcurrentHashMap.newKeySet();
    private final TopicTail<ComplaintEvent> tail;

    NotificationLedger(ConsumerFactory<String, ComplaintEvent> consumers, LocalStateProperties local) {
        super(BEFORE_LISTENERS);
        this.answered = LocalStore.open(local, "notifier-ledger");
        this.tail = follow(new TopicTail<>(Topics.NOTIFICATIONS, consumers, this::accept));
    }

    void accept(ComplaintEvent event) {
        if (event instanceof NotificationSent sent) {
            answered.put(key(sent.causeEventId(), sent.kind()), ANSWERED);
        } else if (event instanceof NotificationNotSent notSent && FINAL_REASONS.contains(notSent.reason())) {
            answered.put(key(notSent.causeEventId(), notSent.kind()), ANSWERED);
        } else if (event instanceof MailBounced bounce && bounce.permanent() && bounce.address() != null) {
            bounced.add(PersonalData.normalize(bounce.address()));
        }
    }

    public boolean isAnswered(String causeEventId, String kind) {
        return answered.get(key(causeEventId, kind)) != null;
    }

    public boolean hasBounced(String address) {
        return address != null && bounced.contains(PersonalData.normalize(address));
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

    /** Closes the local store (its folder is deleted); the tail has stopped before (lifecycle). */
    @Override
    public void close() {
        answered.close();
    }

    private static String key(String causeEventId, String kind) {
        return causeEventId + "|" + kind;
    }
}

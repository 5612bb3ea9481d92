package io.hearken.notifier.ledger;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.MailBounced;
import io.hearken.events.NotificationNotSent;
import io.hearken.events.NotificationSent;
import io.hearken.events.Topics;
import io.hearken.events.kafka.FollowingTopic;
import io.hearken.events.kafka.TopicTail;
import io.hearken.events.privacy.PersonalData;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The notifier's memory, kept in the {@code notifications} topic itself: which (cause event, kind) pairs were
 * already answered, and which addresses bounced permanently. Rebuilt at start-up by reading the topic from its
 * beginning, then followed; our own records are also noted at once, before the topic echoes them back.
 */
@Component("notifierNotificationLedger")
public class NotificationLedger extends FollowingTopic {

    /** Reasons after which a redelivery must not try again; {@code gave-up} is not one: a replay may still send. */
    static final Set<String> FINAL_REASONS = Set.of(NotSentReasons.NO_EMAIL, NotSentReasons.NO_CONTACT, NotSentReasons.INVALID_ADDRESS,
            NotSentReasons.BOUNCED, NotSentReasons.RATE_LIMITED, NotSentReasons.OPTED_OUT);

    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final Set<String> bounced = ConcurrentHashMap.newKeySet();
    private final TopicTail<ComplaintEvent> tail;

    NotificationLedger(ConsumerFactory<String, ComplaintEvent> consumers) {
        super(BEFORE_LISTENERS);
        this.tail = follow(new TopicTail<>(Topics.NOTIFICATIONS, consumers, this::accept));
    }

    void accept(ComplaintEvent event) {
        if (event instanceof NotificationSent sent) {
            answered.add(key(sent.causeEventId(), sent.kind()));
        } else if (event instanceof NotificationNotSent notSent && FINAL_REASONS.contains(notSent.reason())) {
            answered.add(key(notSent.causeEventId(), notSent.kind()));
        } else if (event instanceof MailBounced bounce && bounce.permanent() && bounce.address() != null) {
            bounced.add(PersonalData.normalize(bounce.address()));
        }
    }

    public boolean isAnswered(String causeEventId, String kind) {
        return answered.contains(key(causeEventId, kind));
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

    private static String key(String causeEventId, String kind) {
        return causeEventId + "|" + kind;
    }
}

package io.hearken.notifier.notifying;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintRouted;
import io.hearken.notifier.complaints.ComplaintDirectory;
import io.hearken.notifier.complaints.ComplaintFacts;
import io.hearken.notifier.delivery.DeliveringNotice;
import io.hearken.notifier.delivery.MailKind;
import io.hearken.notifier.delivery.Notice;
import io.hearken.notifier.ledger.NotificationLedger;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** An event from the complaint topics becomes the notices it calls for, each delivered at most once. */
@Component("notifierNotifyingOnEvent")
public class NotifyingOnEvent {

    private static final Duration LOAD_WAIT = Duration.ofSeconds(30);
    private static final Duration UNKNOWN_COMPLAINT_WAIT = Duration.ofSeconds(5);

    private final ComplaintDirectory directory;
    private final NotificationLedger ledger;
    private final PlanningNotices planning;
    private final DeliveringNotice delivering;

    NotifyingOnEvent(ComplaintDirectory directory, NotificationLedger ledger, PlanningNotices planning,
            DeliveringNotice delivering) {
        this.directory = directory;
        this.ledger = ledger;
        this.planning = planning;
        this.delivering = delivering;
    }

    public void handle(ComplaintEvent event) {
        if (event instanceof ComplaintRouted routed) {
            directory.remember(routed);
        }
        if (MailKind.of(event).isEmpty()) {
            return;
        }
        // Until the ledger has been read back, a redelivered event could not be recognised.
        if (!ledger.awaitLoaded(LOAD_WAIT) || !directory.awaitLoaded(LOAD_WAIT)) {
            throw new NotReadyException("still reading notifications / complaints.routed back; will retry");
        }
        ComplaintFacts facts = directory.await(event.complaintId(), UNKNOWN_COMPLAINT_WAIT)
                .orElseThrow(() -> new ComplaintNotKnownException(event.complaintId().value()));
        for (Notice notice : planning.plan(event, facts)) {
            delivering.deliver(notice);
        }
    }

    /**
     * A first routing further on in the same poll: known at once, so the complaint's updates listed before it in the
     * poll (the order of records from different topics in a poll is arbitrary) do not wait for it and fail. Only a
     * complaint not yet known: a re-routing takes effect when its turn comes.
     */
    void foresee(ComplaintRouted routed) {
        if (directory.awaitLoaded(Duration.ZERO) && !directory.knows(routed.complaintId())) {
            directory.remember(routed);
        }
    }

    /**
     * An update about a complaint this notifier never saw routed: retried briefly (the routing may be a moment
     * behind), then dead-lettered, so that one stray event does not hold up a partition's mail for long.
     */
    public static class ComplaintNotKnownException extends RuntimeException {
        ComplaintNotKnownException(String id) {
            super("no routing seen for " + id);
        }
    }

    /** Transient: retried with back-off, dead-lettered if it lasts. */
    public static class NotReadyException extends RuntimeException {
        NotReadyException(String message) {
            super(message);
        }
    }
}

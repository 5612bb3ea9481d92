package io.hearken.notifier.notifying;

import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Events;
import io.hearken.notifier.NotifierProperties;
import io.hearken.notifier.complaints.ComplaintDirectory;
import io.hearken.notifier.complaints.ComplaintFacts;
import io.hearken.notifier.delivery.DeliveringNotice;
import io.hearken.notifier.delivery.MailKind;
import io.hearken.notifier.delivery.Sender;
import io.hearken.notifier.ledger.NotificationLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps residents informed while nothing happens: every {@code progress.check-every}, each open complaint whose
 * last resident-facing event (from its {@code complaints.state} record, so the clock survives restarts) lies
 * {@code quiet-days} or more back gets one {@code periodic-update} per quiet period, by the resident's channel.
 * The period's cause id derives from that last event and the period's number, so the ledger answers "already sent"
 * after a restart too; only the instance owning the complaint's partition sends it. Not while the office waits for
 * the resident (an information request is open), and only within the configured hours.
 */
@Component("notifierPeriodicUpdates")
class PeriodicUpdates implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicUpdates.class);
    private static final Duration READY_WAIT = Duration.ofSeconds(1);

    private final ComplaintDirectory directory;
    private final NotificationLedger ledger;
    private final OwnedPartitions owned;
    private final PlanningNotices planning;
    private final DeliveringNotice delivering;
    private final NotifierProperties properties;
    /** Periods whose note the medium refused (4xx): not tried again at every check. */
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService timer;

    PeriodicUpdates(ComplaintDirectory directory, NotificationLedger ledger, OwnedPartitions owned,
            PlanningNotices planning, DeliveringNotice delivering, NotifierProperties properties) {
        this.directory = directory;
        this.ledger = ledger;
        this.owned = owned;
        this.planning = planning;
        this.delivering = delivering;
        this.properties = properties;
    }

    /** The cause id of a complaint's {@code period}-th quiet period after its last event. */
    static String cause(String lastEventId, long period) {
        return Events.idFrom(MailKind.PERIODIC_UPDATE.id(), lastEventId, Long.toString(period));
    }

    /** A quiet period due for a note. */
    private record Due(ComplaintId id, String cause) {
    }

    /**
     * One round over the open complaints (read from the directory's store one at a time; only those due are
     * gathered, then mailed); returns how many notes were handed to delivery.
     */
    int check(Instant now) {
        NotifierProperties.Progress settings = properties.progress();
        int hour = now.atZone(properties.zone()).getHour();
        if (settings.quietDays() <= 0 || hour < settings.fromHour() || hour >= settings.untilHour()
                || !ledger.awaitLoaded(READY_WAIT) || !directory.awaitLoaded(READY_WAIT)) {
            return 0;
        }
        Duration quiet = Duration.ofDays(settings.quietDays());
        List<Due> due = new ArrayList<>();
        directory.forEachOpen(complaint -> {
            ComplaintDirectory.Activity last = complaint.lastActivity();
            if (last == null || complaint.standingNow().status() == ComplaintStatus.WAITING_ON_RESIDENT
                    || !owned.owns(complaint.id())) {
                return;
            }
            long period = Duration.between(last.at(), now).toMillis() / quiet.toMillis();
            String cause = cause(last.eventId(), period);
            if (period >= 1 && !refused.contains(cause) && !ledger.isAnswered(cause, MailKind.PERIODIC_UPDATE.id())) {
                due.add(new Due(complaint.id(), cause));
            }
        });
        int handed = 0;
        for (Due one : due) {
            ComplaintFacts facts = directory.find(one.id()).orElse(null);
            if (facts == null) {
                continue; // erased meanwhile
            }
            try {
                delivering.deliver(planning.periodicUpdate(facts, one.cause(), now));
                handed++;
            } catch (Sender.Rejected e) {
                refused.add(one.cause()); // recorded as "rejected"; a new quiet period tries again
            } catch (RuntimeException e) {
                log.warn("Periodic update for {} not sent (next check tries again): {}", one.id(), e.toString());
            }
        }
        return handed;
    }

    @Override
    public synchronized void start() {
        Duration every = properties.progress().checkEvery();
        if (properties.progress().quietDays() <= 0 || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notifier-periodic-updates");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                check(Instant.now());
            } catch (RuntimeException e) {
                log.warn("Periodic updates check failed: {}", e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}

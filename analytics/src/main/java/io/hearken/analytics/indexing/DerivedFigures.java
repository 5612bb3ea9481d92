package io.hearken.analytics.indexing;

import static io.hearken.analytics.indexing.ComplaintProjection.BREACHED;
import static io.hearken.analytics.indexing.ComplaintProjection.MET;
import static io.hearken.analytics.indexing.ComplaintProjection.PENDING;

import io.hearken.events.ComplaintStatus;
import java.time.Duration;
import java.time.Instant;

/** The figures {@link ComplaintProjection} recomputes from the state after every event: durations, SLA outcome, open. */
final class DerivedFigures {

    private DerivedFigures() {
    }

    /** Durations, SLA outcome and open flag: recomputed from the state after every event. */
    static void derive(ComplaintDocument doc) {
        if (doc.category == null && doc.categoryHint != null) {
            doc.category = doc.categoryHint; // until the router has classified it
        }
        if (doc.customerType == null && doc.residentType != null) {
            doc.customerType = doc.residentType; // what the channel said, until (or for routings before) the router's reading
        }
        doc.open = doc.status == null || ComplaintStatus.isOpen(ComplaintStatus.valueOf(doc.status));
        doc.firstResponseMinutes = minutes(doc.receivedAt, doc.firstResponseAt);
        doc.resolutionMinutes = doc.open ? null : minutes(doc.receivedAt, doc.resolvedAt);
        if (!BREACHED.equals(doc.slaFirstResponse)) {
            doc.slaFirstResponse = outcome(doc.firstResponseAt, doc.firstResponseDue);
        }
        if (!BREACHED.equals(doc.slaResolution)) {
            doc.slaResolution = outcome(doc.open ? null : doc.resolvedAt, doc.resolutionDue);
        }
        boolean breached = BREACHED.equals(doc.slaFirstResponse) || BREACHED.equals(doc.slaResolution);
        boolean done = !doc.open && doc.resolvedAt != null;
        doc.slaStatus = breached ? BREACHED : done ? MET : PENDING;
        doc.slaBreached = breached;
        doc.slaMet = breached ? Integer.valueOf(0) : done ? Integer.valueOf(1) : null;
    }

    private static String outcome(Instant done, Instant due) {
        if (done == null) {
            return PENDING;
        }
        return due == null || !done.isAfter(due) ? MET : BREACHED;
    }

    private static Long minutes(Instant from, Instant to) {
        return from == null || to == null ? null : Math.max(0, Duration.between(from, to).toMinutes());
    }
}

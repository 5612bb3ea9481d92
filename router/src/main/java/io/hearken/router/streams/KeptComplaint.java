package io.hearken.router.streams;

import io.hearken.events.ComplaintSnapshot;
import io.hearken.router.routing.ComplaintState;

/**
 * What the router keeps per complaint, as one record of the {@code router-complaints} store (and so one changelog
 * record per change): the routing state ({@code null} before the router saved one), the complaint's
 * {@code complaints.state} record, and {@code due}, the epoch milliseconds of the next SLA check (or {@code null}),
 * a copy from the state first in the JSON so the SLA index is rebuilt from the store without opening every record.
 * A record written before held the state alone; {@link StateCodec#kept} reads it with {@code snapshot == null}.
 */
record KeptComplaint(Long due, ComplaintState state, ComplaintSnapshot snapshot) {

    static KeptComplaint of(ComplaintState state, ComplaintSnapshot snapshot) {
        return new KeptComplaint(dueOf(state), state, snapshot);
    }

    static Long dueOf(ComplaintState state) {
        return state == null || state.sla() == null || state.sla().nextCheck() == null
                ? null : state.sla().nextCheck().toEpochMilli();
    }
}

package io.hearken.intake.hotline.publishing;

import io.hearken.events.ComplaintId;
import io.hearken.intake.hotline.call.Call;
import io.hearken.readmodel.TrackingIdsInUse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Tracking ids for the calls of a chunk that may become new complaints. A call's id is derived from its call id
 * (40 bits, {@link CallEvents#complaintIdFor}); at scale two calls, or a call and another channel's complaint,
 * meet (docs/events.md). So each candidate is checked against the ids already drawn for the same file or upload
 * and, with one multi-get for the whole chunk per round, against the read model; a taken candidate is replaced by
 * the call's next derivation (attempt 1, 2, ...). A call with an id reserved in {@link ProcessedCalls} (its event
 * may be out already) keeps that id unchecked: the read model may know it by now, as this call's own complaint.
 */
final class NewComplaintIds {

    /** Rounds of drawing; needing more means the read model answers "taken" to everything. */
    private static final int MAX_ROUNDS = 8;

    private final TrackingIdsInUse inUse;
    private final Function<String, Optional<String>> reservedFor;
    private final CallEvents events;

    /** @param reservedFor call id → the id reserved for it ({@link ProcessedCalls#reservedFor}) */
    NewComplaintIds(TrackingIdsInUse inUse, Function<String, Optional<String>> reservedFor, CallEvents events) {
        this.inUse = inUse;
        this.reservedFor = reservedFor;
        this.events = events;
    }

    /**
     * Call id → its complaint id, for every call given. {@code drawn} holds the ids given to earlier calls of
     * the same input and receives these.
     *
     * @throws ReadModelUnreachable when the read model cannot say which ids are free
     */
    Map<String, ComplaintId> assign(List<Call> calls, Set<String> drawn) {
        Map<String, ComplaintId> chosen = new HashMap<>();
        List<String> open = new ArrayList<>();
        for (Call call : calls) {
            Optional<String> reserved = reservedFor.apply(call.callId());
            if (reserved.isPresent()) {
                chosen.put(call.callId(), ComplaintId.of(reserved.get()));
                drawn.add(reserved.get());
            } else {
                open.add(call.callId());
            }
        }
        for (int attempt = 0; !open.isEmpty(); attempt++) {
            if (attempt == MAX_ROUNDS) {
                throw new ReadModelUnreachable("no free tracking id after " + MAX_ROUNDS + " rounds for " + open.size()
                        + " calls", new IllegalStateException("the read model reports every candidate as taken"));
            }
            Map<String, String> callOf = new LinkedHashMap<>();
            List<String> again = new ArrayList<>();
            for (String callId : open) {
                String candidate = events.complaintIdFor(callId, attempt).value();
                if (drawn.contains(candidate) || callOf.putIfAbsent(candidate, callId) != null) {
                    again.add(callId); // another call of this input has it
                }
            }
            Set<String> free = callOf.isEmpty() ? Set.of() : free(callOf.keySet());
            for (Map.Entry<String, String> e : callOf.entrySet()) {
                if (free.contains(e.getKey())) {
                    chosen.put(e.getValue(), ComplaintId.of(e.getKey()));
                    drawn.add(e.getKey());
                } else {
                    again.add(e.getValue());
                }
            }
            open = again;
        }
        return chosen;
    }

    private Set<String> free(Set<String> candidates) {
        try {
            return new HashSet<>(inUse.free(candidates));
        } catch (RuntimeException e) {
            throw new ReadModelUnreachable("tracking ids not checked", e);
        }
    }
}

package io.hearken.intake.hotline.publishing;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.intake.hotline.call.Call;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what each new call is: a follow-up on the complaint the agent named, a follow-up on the caller's open
 * complaint about the same matter ({@link SameMatter}), or a new complaint with a free id. Everything the read model
 * must say for a chunk is asked at once, before anything is sent ({@link #lookUp}), so an unreachable read model
 * leaves the whole chunk undone instead of guessing. {@link PublishingCalls} sends what is decided here.
 */
final class MatchingCalls {

    /**
     * What earlier calls of the same file or upload did: the complaint each call id went to, the new
     * complaints per caller (not yet in the read model, which is updated asynchronously), the ids drawn.
     */
    static final class Input {
        final Map<String, String> complaintOfCall = new HashMap<>();
        final Map<String, List<SameMatter.Candidate>> newByContact = new HashMap<>();
        final Set<String> drawnIds = new HashSet<>();
    }

    /** One call on its way: the event, what it means, whether it is a new complaint. */
    record Sending(Call call, ComplaintEvent event, CallOutcome outcome, boolean isNew) {
    }

    /** What the read model said for a chunk's calls: the callers' open complaints, and ids for new complaints. */
    record Lookups(Map<String, List<SameMatter.Candidate>> openByContact, Map<String, ComplaintId> newIds) {
    }

    private final ProcessedCalls processed;
    private final OpenComplaints openComplaints;
    private final ReadModelChecks readModel;
    private final NewComplaintIds newIds;

    MatchingCalls(ProcessedCalls processed, OpenComplaints openComplaints, ReadModelChecks readModel,
            NewComplaintIds newIds) {
        this.processed = processed;
        this.openComplaints = openComplaints;
        this.readModel = readModel;
        this.newIds = newIds;
    }

    /** @throws ReadModelUnreachable when the read model cannot be asked */
    Lookups lookUp(List<Call> fresh, Input input) {
        Map<String, List<SameMatter.Candidate>> openByContact = readModel.openByContact(fresh);
        return new Lookups(openByContact, newIds.assign(fresh, input.drawnIds));
    }

    Sending decide(Call call, String via, Input input, Lookups lookups) {
        if (processed.reservedFor(call.callId()).isEmpty()) {
            Optional<ComplaintId> named = readModel.agentNamed(call);
            if (named.isPresent()) {
                return new Sending(call, CallEvents.followUp(call, named.get(), "agent"), new CallOutcome(call.line(),
                        call.callId(), CallOutcome.Kind.FOLLOW_UP, named.get().value(), "agent", null), false);
            }
            String contactHash = call.callerNumber() == null ? null : openComplaints.hash(call.callerNumber());
            Optional<SameMatter.Candidate> byContact = contactHash == null ? Optional.empty()
                    : SameMatter.of(call, candidates(contactHash, input, lookups.openByContact()));
            if (byContact.isPresent()) {
                return new Sending(call, CallEvents.followUp(call, byContact.get().id(), "contact"), new CallOutcome(
                        call.line(), call.callId(), CallOutcome.Kind.FOLLOW_UP, byContact.get().id().value(), "contact",
                        null), false);
            }
        } // else: its id was reserved, so it may have gone out as that new complaint already; it stays one
        ComplaintId newId = lookups.newIds().get(call.callId());
        ComplaintEvent event = CallEvents.newComplaint(call, newId, via);
        return new Sending(call, event, new CallOutcome(call.line(), call.callId(), CallOutcome.Kind.COMPLAINT,
                newId.value(), null, null), true);
    }

    /** A new complaint that will be sent: a later call of the same caller in this input may be about it. */
    void remember(Sending s, Input input) {
        if (s.isNew() && s.call().callerNumber() != null) {
            // Newest first, like the read model's candidates; only once it is sure to be sent.
            input.newByContact.computeIfAbsent(openComplaints.hash(s.call().callerNumber()), h -> new ArrayList<>())
                    .add(0, new SameMatter.Candidate(s.event().complaintId(), "HOTLINE",
                            CallEvents.buildingOf(s.call().location()), s.call().category()));
        }
    }

    /** Earlier new complaints of this input first (newer than anything indexed), then the read model's. */
    private static List<SameMatter.Candidate> candidates(String contactHash, Input input,
            Map<String, List<SameMatter.Candidate>> openByContact) {
        List<SameMatter.Candidate> all = new ArrayList<>(input.newByContact.getOrDefault(contactHash, List.of()));
        all.addAll(openByContact.getOrDefault(contactHash, List.of()));
        return all;
    }
}

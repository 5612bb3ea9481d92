package io.hearken.intake.hotline.publishing;

import io.hearken.events.ComplaintId;
import io.hearken.intake.hotline.call.Call;
import io.hearken.intake.hotline.call.Turn;
import io.hearken.readmodel.ComplaintLookup;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * What the read model says about a call: the complaint an agent named, the open complaints of the caller.
 * Nothing is guessed when it cannot answer: a named id is not trusted unchecked (it may be mistyped), and a caller
 * is not taken to have no open complaint (a follow-up would become a second complaint). Both throw
 * {@link ReadModelUnreachable}, so the call waits for the read model instead.
 */
final class ReadModelChecks {

    private final ComplaintLookup lookup;
    private final OpenComplaints openComplaints;

    ReadModelChecks(ComplaintLookup lookup, OpenComplaints openComplaints) {
        this.lookup = lookup;
        this.openComplaints = openComplaints;
    }

    /** Contact hash → the open complaints with it, newest first: one query for the calls of a chunk. */
    Map<String, List<SameMatter.Candidate>> openByContact(List<Call> calls) {
        try {
            return openComplaints.byPhone(calls.stream().map(Call::callerNumber).toList());
        } catch (RuntimeException e) {
            throw new ReadModelUnreachable("open complaints of the callers not looked up", e);
        }
    }

    /** A tracking id the agent wrote in the summary or said in the transcript, if that complaint exists. */
    Optional<ComplaintId> agentNamed(Call call) {
        StringBuilder text = new StringBuilder();
        if (call.summary() != null) {
            text.append(call.summary()).append('\n');
        }
        if (call.transcript() != null) {
            text.append(call.transcript()).append('\n');
        } else {
            call.turns().stream().map(Turn::text).forEach(t -> text.append(t).append('\n'));
        }
        Matcher m = ComplaintId.IN_TEXT.matcher(text);
        while (m.find()) {
            ComplaintId id = ComplaintId.of(m.group());
            try {
                if (lookup.find(id).isPresent()) {
                    return Optional.of(id);
                }
            } catch (RuntimeException e) {
                throw new ReadModelUnreachable("tracking id " + id + " of call " + call.callId() + " not checked", e);
            }
        }
        return Optional.empty();
    }
}

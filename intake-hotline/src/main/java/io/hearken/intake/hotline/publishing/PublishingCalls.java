package io.hearken.intake.hotline.publishing;

import io.hearken.readmodel.ComplaintLookup;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.Topics;
import io.hearken.intake.hotline.HotlineProperties;
import io.hearken.intake.hotline.call.Call;
import io.hearken.intake.hotline.call.Turn;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes calls to {@code intake.hotline}, exactly once per call id: chunk by chunk, all sends of a
 * chunk in flight together, then a bounded wait for their acknowledgements, then the chunk's call ids go to
 * {@link ProcessedCalls}. A call id already recorded is skipped as a duplicate. A call that re-reads after
 * a crash between acknowledgement and record gets the same event id and complaint id (see docs).
 */
@Component
public class PublishingCalls {

    private static final Logger log = LoggerFactory.getLogger(PublishingCalls.class);

    private final KafkaTemplate<String, ComplaintEvent> kafka;
    private final ProcessedCalls processed;
    private final OpenComplaints openComplaints;
    private final ComplaintLookup lookup;
    private final HotlineProperties properties;
    private final CallEvents events;
    private final MeterRegistry meters;
    // Folder and REST may publish at once; one chunk at a time keeps "check, send, record" atomic per call id.
    private final ReentrantLock lock = new ReentrantLock();

    PublishingCalls(KafkaTemplate<String, ComplaintEvent> kafka, ProcessedCalls processed, OpenComplaints openComplaints,
            ComplaintLookup lookup, HotlineProperties properties, MeterRegistry meters,
            @Value("${hearken.privacy.secret:change-me}") String secret) {
        this.kafka = kafka;
        this.processed = processed;
        this.openComplaints = openComplaints;
        this.lookup = lookup;
        this.properties = properties;
        this.meters = meters;
        this.events = new CallEvents(secret);
    }

    /**
     * @param via    {@code folder} or {@code cti}
     * @param source the file name or "upload", for the log
     */
    public List<CallOutcome> publish(List<Call> calls, String via, String source) throws PublishFailed {
        List<CallOutcome> outcomes = new ArrayList<>(calls.size());
        Input input = new Input();
        int chunkSize = properties.chunkSize();
        int nextProgress = properties.progressEvery();
        for (int from = 0; from < calls.size(); from += chunkSize) {
            List<Call> chunk = calls.subList(from, Math.min(calls.size(), from + chunkSize));
            lock.lock();
            try {
                List<CallOutcome> done = publishChunk(chunk, via, input);
                done.forEach(o -> meters.counter("hearken.hotline.calls", "outcome", o.outcome().label(), "via", via)
                        .increment());
                outcomes.addAll(done);
            } catch (Exception e) {
                throw new PublishFailed("Kafka did not acknowledge calls of " + source + " (" + outcomes.size()
                        + " of " + calls.size() + " done before): " + e.getMessage(), e, outcomes);
            } finally {
                lock.unlock();
            }
            if (outcomes.size() >= nextProgress && outcomes.size() < calls.size()) {
                log.info("Hotline {}: {} of {} calls done", source, outcomes.size(), calls.size());
                nextProgress = (outcomes.size() / properties.progressEvery() + 1) * properties.progressEvery();
            }
        }
        return outcomes;
    }

    /**
     * What earlier calls of the same file or upload did: the complaint each call id went to, and the new
     * complaints per caller (not yet in the read model, which is updated asynchronously).
     */
    private static final class Input {
        final Map<String, String> complaintOfCall = new HashMap<>();
        final Map<String, List<SameMatter.Candidate>> newByContact = new HashMap<>();
    }

    private List<CallOutcome> publishChunk(List<Call> chunk, String via, Input input) throws Exception {
        List<CallOutcome> outcomes = new ArrayList<>();
        List<Call> fresh = new ArrayList<>();
        Set<String> inThisChunk = new HashSet<>();
        for (Call call : chunk) {
            Optional<String> earlier = processed.complaintOf(call.callId())
                    .or(() -> Optional.ofNullable(input.complaintOfCall.get(call.callId())));
            if (earlier.isPresent() || !inThisChunk.add(call.callId())) {
                outcomes.add(new CallOutcome(call.line(), call.callId(), CallOutcome.Kind.DUPLICATE,
                        earlier.orElse(null), null, "call_id 已处理过 / call_id already processed"));
            } else {
                fresh.add(call);
            }
        }
        Map<String, List<SameMatter.Candidate>> openByContact = openByContact(fresh);
        List<CompletableFuture<?>> acks = new ArrayList<>(fresh.size());
        List<CallOutcome> sent = new ArrayList<>(fresh.size());
        for (Call call : fresh) {
            ComplaintEvent event;
            CallOutcome outcome;
            Optional<ComplaintId> named = agentNamed(call);
            String contactHash = call.callerNumber() == null ? null : openComplaints.hash(call.callerNumber());
            Optional<SameMatter.Candidate> byContact = contactHash == null ? Optional.empty()
                    : SameMatter.of(call, candidates(contactHash, input, openByContact));
            if (named.isPresent()) {
                event = CallEvents.followUp(call, named.get(), "agent");
                outcome = new CallOutcome(call.line(), call.callId(), CallOutcome.Kind.FOLLOW_UP, named.get().value(),
                        "agent", null);
            } else if (byContact.isPresent()) {
                event = CallEvents.followUp(call, byContact.get().id(), "contact");
                outcome = new CallOutcome(call.line(), call.callId(), CallOutcome.Kind.FOLLOW_UP,
                        byContact.get().id().value(), "contact", null);
            } else {
                event = events.newComplaint(call, via);
                outcome = new CallOutcome(call.line(), call.callId(), CallOutcome.Kind.COMPLAINT,
                        event.complaintId().value(), null, null);
                if (contactHash != null) {
                    // Newest first, like the read model's candidates.
                    input.newByContact.computeIfAbsent(contactHash, h -> new ArrayList<>()).add(0,
                            new SameMatter.Candidate(event.complaintId(), "HOTLINE",
                                    CallEvents.buildingOf(call.location()), call.category()));
                }
            }
            acks.add(kafka.send(Topics.INTAKE_HOTLINE, event.complaintId().value(), event));
            sent.add(outcome);
        }
        // No flush(): it waits for the broker without any bound, so a broker that is down would hang this
        // thread past ack-timeout. linger.ms is a few ms at most; the bounded wait below is the only one.
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                .get(properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        processed.record(sent.stream().map(o -> (Map.Entry<String, String>) new SimpleEntry<>(o.callId(), o.complaintId()))
                .toList());
        sent.forEach(o -> input.complaintOfCall.put(o.callId(), o.complaintId()));
        // A repeat inside this chunk learns the complaint of its first occurrence.
        outcomes.replaceAll(o -> o.complaintId() != null ? o : new CallOutcome(o.line(), o.callId(), o.outcome(),
                input.complaintOfCall.get(o.callId()), o.matchedBy(), o.reason()));
        outcomes.addAll(sent);
        outcomes.sort(java.util.Comparator.comparingInt(CallOutcome::line));
        return outcomes;
    }

    /** Earlier new complaints of this input first (newer than anything indexed), then the read model's. */
    private static List<SameMatter.Candidate> candidates(String contactHash, Input input,
            Map<String, List<SameMatter.Candidate>> openByContact) {
        List<SameMatter.Candidate> all = new ArrayList<>(input.newByContact.getOrDefault(contactHash, List.of()));
        all.addAll(openByContact.getOrDefault(contactHash, List.of()));
        return all;
    }

    private Map<String, List<SameMatter.Candidate>> openByContact(List<Call> calls) {
        try {
            return openComplaints.byPhone(calls.stream().map(Call::callerNumber).toList());
        } catch (RuntimeException e) {
            // The read model is down: better a second complaint (the router links repeats) than no complaint.
            log.warn("Hotline: open complaints of callers not looked up ({}); calls become new complaints", e.toString());
            return Map.of();
        }
    }

    /** A tracking id the agent wrote in the summary or said in the transcript, if that complaint exists. */
    private Optional<ComplaintId> agentNamed(Call call) {
        StringBuilder text = new StringBuilder();
        if (call.summary() != null) {
            text.append(call.summary()).append('\n');
        }
        if (call.transcript() != null) {
            text.append(call.transcript()).append('\n');
        } else {
            call.turns().stream().map(Turn::text).forEach(t -> text.append(t).append('\n'));
        }
        Matcher m = io.hearken.events.ComplaintId.IN_TEXT.matcher(text);
        while (m.find()) {
            ComplaintId id = ComplaintId.of(m.group());
            try {
                if (lookup.find(id).isPresent()) {
                    return Optional.of(id);
                }
            } catch (RuntimeException e) {
                // The read model is down: the agent read the id from the system, trust it.
                log.warn("Hotline: tracking id {} of call {} not checked ({}); taken as a follow-up", id, call.callId(),
                        e.toString());
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}

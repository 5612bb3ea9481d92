package io.hearken.intake.hotline.publishing;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.Topics;
import io.hearken.events.privacy.PrivacyProperties;
import io.hearken.events.privacy.Sealing;
import io.hearken.intake.hotline.HotlineProperties;
import io.hearken.intake.hotline.call.Call;
import io.hearken.intake.hotline.publishing.MatchingCalls.Input;
import io.hearken.intake.hotline.publishing.MatchingCalls.Sending;
import io.hearken.readmodel.ComplaintLookup;
import io.hearken.readmodel.TrackingIdsInUse;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes calls to {@code intake.hotline}, exactly once per call id: chunk by chunk, all sends of a
 * chunk in flight together, then a bounded wait for their acknowledgements, then the chunk's call ids go to
 * {@link ProcessedCalls}. A call id already recorded is skipped as a duplicate. A call that re-reads after
 * a crash between acknowledgement and record gets the same event id and complaint id (see docs). What the read
 * model must decide (a named complaint, the caller's open complaints, a free id) is never guessed: when it
 * cannot be asked the chunk waits ({@link PublishFailed#readModel()}). A call Kafka can never take is rejected.
 * Which complaint a call belongs to is {@link MatchingCalls}'s decision; here the sending and recording.
 */
@Component
public class PublishingCalls {

    private static final Logger log = LoggerFactory.getLogger(PublishingCalls.class);

    private final Sealing sealing;
    private final KafkaTemplate<String, ComplaintEvent> kafka;
    private final ProcessedCalls processed;
    private final MatchingCalls matching;
    private final KafkaRecordLimit recordLimit;
    private final HotlineProperties properties;
    private final MeterRegistry meters;
    // Folder and REST may publish at once; one chunk at a time keeps "check, send, record" atomic per call id.
    private final ReentrantLock lock = new ReentrantLock();

    PublishingCalls(KafkaTemplate<String, ComplaintEvent> kafka, ProcessedCalls processed, OpenComplaints openComplaints,
            ComplaintLookup lookup, TrackingIdsInUse idsInUse, HotlineProperties properties, MeterRegistry meters,
            PrivacyProperties privacy, Sealing sealing) {
        this.kafka = kafka;
        this.sealing = sealing;
        this.processed = processed;
        this.matching = new MatchingCalls(processed, openComplaints, new ReadModelChecks(lookup, openComplaints),
                new NewComplaintIds(idsInUse, processed::reservedFor, new CallEvents(privacy.requiredSecret())));
        this.recordLimit = new KafkaRecordLimit(kafka.getProducerFactory());
        this.properties = properties;
        this.meters = meters;
    }

    /**
     * @param via    {@code folder} or {@code cti}
     * @param source the file name or "upload", for the log
     * @throws PublishFailed when Kafka did not acknowledge, or the read model could not be asked, in time; the
     *                       calls done before (and those rejected for good) are in {@link PublishFailed#done()}
     */
    public List<CallOutcome> publish(List<Call> calls, String via, String source) throws PublishFailed {
        List<CallOutcome> outcomes = new ArrayList<>(calls.size());
        Input input = new Input();
        int chunkSize = properties.chunkSize();
        int nextProgress = properties.progressEvery();
        for (int from = 0; from < calls.size(); from += chunkSize) {
            List<Call> chunk = calls.subList(from, Math.min(calls.size(), from + chunkSize));
            List<CallOutcome> done = new ArrayList<>();
            lock.lock();
            try {
                publishChunk(chunk, via, input, done);
            } catch (Exception e) {
                boolean readModel = e instanceof ReadModelUnreachable;
                throw new PublishFailed((readModel ? "the read model (Elasticsearch) cannot be asked for"
                        : "Kafka did not acknowledge") + " calls of " + source + " (" + outcomes.size() + " of "
                        + calls.size() + " done before): " + e.getMessage(), e, concat(outcomes, count(done, via)), readModel);
            } finally {
                lock.unlock();
            }
            outcomes.addAll(count(done, via));
            if (outcomes.size() >= nextProgress && outcomes.size() < calls.size()) {
                log.info("Hotline {}: {} of {} calls done", source, outcomes.size(), calls.size());
                nextProgress = (outcomes.size() / properties.progressEvery() + 1) * properties.progressEvery();
            }
        }
        outcomes.sort(Comparator.comparingInt(CallOutcome::line));
        return outcomes;
    }

    private List<CallOutcome> count(List<CallOutcome> done, String via) {
        done.forEach(o -> meters.counter("hearken.hotline.calls", "outcome", o.outcome().label(), "via", via).increment());
        return done;
    }

    private static List<CallOutcome> concat(List<CallOutcome> a, List<CallOutcome> b) {
        List<CallOutcome> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(Comparator.comparingInt(CallOutcome::line));
        return all;
    }

    /**
     * Everything the read model must say is asked before anything is sent, so an unreachable read model leaves
     * the whole chunk undone. Then: poison quarantined, new complaints' ids reserved, events sent, acknowledgements
     * awaited (bounded), the acknowledged calls recorded. {@code done} receives every outcome as it is settled.
     */
    private void publishChunk(List<Call> chunk, String via, Input input, List<CallOutcome> done) throws Exception {
        List<Call> fresh = new ArrayList<>();
        Set<String> inThisChunk = new HashSet<>();
        List<CallOutcome> repeats = new ArrayList<>();
        for (Call call : chunk) {
            Optional<String> earlier = processed.complaintOf(call.callId())
                    .or(() -> Optional.ofNullable(input.complaintOfCall.get(call.callId())));
            if (earlier.isPresent() || !inThisChunk.add(call.callId())) {
                repeats.add(new CallOutcome(call.line(), call.callId(), CallOutcome.Kind.DUPLICATE,
                        earlier.orElse(null), null, "call_id 已处理过 / call_id already processed"));
            } else {
                fresh.add(call);
            }
        }
        MatchingCalls.Lookups lookups = matching.lookUp(fresh, input);
        List<Sending> sending = new ArrayList<>(fresh.size());
        for (Call call : fresh) {
            Sending s = matching.decide(call, via, input, lookups);
            String refusal = recordLimit.refusal(call, s.event().complaintId().value(), s.event());
            if (refusal != null) {
                log.warn("Hotline: call {} quarantined: {}", call.callId(), refusal);
                done.add(rejected(call, refusal));
                continue;
            }
            sending.add(s);
            matching.remember(s, input);
        }
        Map<String, String> reservations = new LinkedHashMap<>();
        sending.stream().filter(Sending::isNew).forEach(s -> reservations.put(s.call().callId(), s.outcome().complaintId()));
        processed.reserve(reservations);
        sendAndRecord(sending, done, input);
        // A repeat inside this chunk learns the complaint of its first occurrence.
        repeats.forEach(o -> done.add(o.complaintId() != null ? o : new CallOutcome(o.line(), o.callId(), o.outcome(),
                input.complaintOfCall.get(o.callId()), o.matchedBy(), o.reason())));
    }

    /**
     * The chunk's new complaints get their data keys in one round trip (one each would make every send wait for its
     * own key). A failure here only costs the speed: each send creates a missing key itself, or fails as it would.
     */
    private void prepareKeys(List<Sending> sending) {
        try {
            sealing.prepare(sending.stream().map(Sending::event).toList());
        } catch (RuntimeException e) {
            log.debug("Hotline: data keys not prepared for the chunk ({}); each send makes its own", e.toString());
        }
    }

    /**
     * Sends every event at once, then waits (bounded by ack-timeout in all) for each acknowledgement. No
     * flush(): it waits for the broker without any bound. The acknowledged calls are recorded even when others
     * failed; a call Kafka refused for good is quarantined; any other failure is thrown after that (retry later).
     */
    private void sendAndRecord(List<Sending> sending, List<CallOutcome> done, Input input) throws Exception {
        prepareKeys(sending);
        List<CompletableFuture<?>> acks = new ArrayList<>(sending.size());
        for (Sending s : sending) {
            try {
                acks.add(kafka.send(Topics.INTAKE_HOTLINE, s.event().complaintId().value(), s.event()));
            } catch (RuntimeException e) {
                acks.add(CompletableFuture.failedFuture(e));
            }
        }
        long deadline = System.nanoTime() + properties.ackTimeout().toNanos();
        Exception retry = null;
        List<CallOutcome> acknowledged = new ArrayList<>(sending.size());
        for (int i = 0; i < sending.size(); i++) {
            Sending s = sending.get(i);
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(s.outcome());
            } catch (ExecutionException e) {
                String refusal = KafkaRecordLimit.refusal(e.getCause());
                if (refusal == null) {
                    retry = retry != null ? retry : e;
                } else {
                    log.warn("Hotline: call {} quarantined: {}", s.call().callId(), refusal);
                    done.add(rejected(s.call(), refusal));
                }
            } catch (TimeoutException e) {
                retry = retry != null ? retry : e;
            }
        }
        if (!acknowledged.isEmpty()) {
            processed.record(acknowledged.stream()
                    .map(o -> (Map.Entry<String, String>) new SimpleEntry<>(o.callId(), o.complaintId())).toList());
            acknowledged.forEach(o -> input.complaintOfCall.put(o.callId(), o.complaintId()));
            done.addAll(acknowledged);
        }
        if (retry != null) {
            throw retry;
        }
    }

    private static CallOutcome rejected(Call call, String reason) {
        return new CallOutcome(call.line(), call.callId(), CallOutcome.Kind.REJECTED, null, null, reason);
    }
}

package io.hearken.router.streams;

import io.hearken.events.Channel;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.kafka.SealedJson;
import io.hearken.events.privacy.InMemoryKeys;
import io.hearken.events.privacy.PersonalData;
import io.hearken.events.privacy.Sealing;
import io.hearken.router.LeastCpu;
import io.hearken.router.assignment.RoutingTable;
import io.hearken.router.classification.Models;
import io.hearken.router.history.HistoryEntry;
import io.hearken.router.history.LinkingComplaint;
import io.hearken.router.routing.RoutingComplaints;
import io.hearken.router.sla.SlaConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Not part of the suite (the name does not end in Test): the CPU of the router's own records for one routed
 * complaint, written and read as it does: its kept record ({@code router-complaints}: state and snapshot, sealed)
 * with the snapshot's {@code complaints.state} record, and its history entry ({@code router.history}). The records
 * are made by routing {@code -Dcomplaints=N} (default 2,000) new web complaints from the shipped labelled texts
 * through the whole topology in Kafka Streams' test driver (not timed: the driver commits and flushes its stores
 * after every record); then each part is timed over all of them, the least of {@code -Drounds=N} rounds (default
 * 10) after as many warm-up rounds. Asserts nothing.
 * <pre>
 * ./mvnw -B -ntp -q -o -pl router -am test-compile
 * ./mvnw -B -ntp -q -o -pl router dependency:build-classpath -Dmdep.outputFile=/tmp/router.cp -Dmdep.includeScope=test
 * java -cp router/target/test-classes:router/target/classes:$(cat /tmp/router.cp) io.hearken.router.streams.RecordCost
 * </pre>
 */
public final class RecordCost {

    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");

    public static void main(String[] args) {
        int complaints = Integer.getInteger("complaints", 2_000);
        int rounds = Integer.getInteger("rounds", 10);
        Sealing sealing = InMemoryKeys.sealing();
        StateCodec codec = new StateCodec(sealing);
        RoutingComplaints router = new RoutingComplaints(Models.defaultClassifier(), RoutingTable.defaults(),
                SlaConfig.defaults(), new LinkingComplaint(Duration.ofHours(24), Duration.ofDays(30), 0.3),
                new PersonalData("record-cost-secret"));
        List<String> texts = Models.shippedSet().stream().map(Models.TemplatedRow::text).toList();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "record-cost-" + Events.newId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        List<byte[]> kept = new ArrayList<>();
        List<byte[]> entries = new ArrayList<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(RouterTopology.build(router, Clock.fixed(T0, ZoneOffset.UTC),
                Duration.ofHours(1), Duration.ofDays(35), sealing), props)) {
            TestInputTopic<String, ComplaintEvent> intake = driver.createInputTopic(Topics.INTAKE_WEB, new StringSerializer(),
                    SealedJson.serializer(sealing));
            for (int n = 0; n < complaints; n++) {
                ComplaintReceived c = complaint(n, texts.get(n % texts.size()));
                intake.pipeInput(c.complaintId().value(), c, T0.plusMillis(n));
                kept.add(driver.<String, byte[]>getKeyValueStore(RouterTopology.COMPLAINTS_STORE).get(c.complaintId().value()));
                entries.add(driver.<String, byte[]>getKeyValueStore(RouterTopology.HISTORY_STORE)
                        .get(HistoryKeys.entry(c.complaintId())));
            }
        }
        List<KeptComplaint> records = kept.stream().map(codec::kept).toList();
        List<HistoryEntry> history = entries.stream().map(codec::history).toList();
        System.out.printf("%,d routed complaints: kept record %,d bytes, history entry %,d bytes on average%n", complaints,
                kept.stream().mapToInt(b -> b.length).sum() / complaints, entries.stream().mapToInt(b -> b.length).sum() / complaints);
        measure("kept record read (opened)", rounds, kept, codec::kept);
        measure("kept + complaints.state records, snapshot sealed once", rounds, records, codec::writeKept);
        measure("the same, the snapshot sealed for each (before)", rounds, records, r -> {
            codec.write(r);
            codec.write(r.snapshot());
        });
        measure("history entry written", rounds, history, codec::write);
        measure("history entry read (opened)", rounds, entries, codec::history);
        measure("history entry read (public fields only)", rounds, entries, codec::historyUnopened);
    }

    private static <T> void measure(String what, int rounds, List<T> items, Consumer<T> work) {
        System.out.printf("  %-50s %,7.1f CPU-µs each%n", what, LeastCpu.microsEach(rounds, items, work));
    }

    private static ComplaintReceived complaint(int n, String text) {
        return new ComplaintReceived(Events.newId(), TrackingIds.next(), T0.plusMillis(n), Channel.WEB, "form", null,
                new Contact("住户" + n, "resident" + n + "@example.com", "1390000" + String.format("%04d", n % 10_000)),
                ResidentType.TENANT, Place.of((n % 300 + 1) + "号楼", String.valueOf(101 + n % 37)), null, text, null,
                "zh-CN", List.of(), Map.of());
    }
}

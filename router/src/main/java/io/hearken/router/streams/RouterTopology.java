package io.hearken.router.streams;

import io.hearken.router.routing.RoutingComplaints;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.hearken.events.privacy.Sealing;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The router as one Kafka Streams topology (exactly-once): intake and desk events in, decisions,
 * SLA events, each complaint's current state ({@code complaints.state}) and dead letters out, all in one
 * transaction with the state-store changes. Stores are
 * RocksDB on disk with changelog topics (their native memory bounded, see {@code BoundedStateMemory}); the history
 * of all partitions is a global store fed by the compacted {@value #HISTORY_TOPIC} topic (one record per entry), whose
 * loader derives the keys a look-up reads as ranges over the windows ({@link HistoryKeys}).
 */
public final class RouterTopology {

    /** Input: every channel's intake topic (not their {@code -dlt}s) and the desk's updates. */
    public static final Pattern INPUT = Pattern.compile("intake\\.[a-z0-9]+|complaints\\.updates");
    public static final String HISTORY_TOPIC = "router.history";
    static final String COMPLAINTS_STORE = "router-complaints";
    static final String DUE_STORE = "router-sla-due";
    static final String HISTORY_STORE = "router-history";
    /** The current {@code complaints.state} record of each complaint (see {@link CurrentStates}). */
    static final String SNAPSHOT_STORE = "router-snapshots";
    /** Where a forwarded record goes; read by the sink. */
    static final String TARGET_HEADER = "hearken-router-target";

    private RouterTopology() {
    }

    /** {@code historyKept}: how long history entries are kept (the longer window plus a margin), then pruned. */
    public static Topology build(RoutingComplaints router, Clock clock, Duration slaCheckInterval, Duration historyKept,
            Sealing sealing) {
        return build(new Topology(), router, clock, slaCheckInterval, historyKept, sealing);
    }

    /** Into {@code topology}, e.g. one made with a {@code TopologyConfig} whose processor wrapper traces. */
    public static Topology build(Topology topology, RoutingComplaints router, Clock clock, Duration slaCheckInterval,
            Duration historyKept, Sealing sealing) {
        StateCodec codec = new StateCodec(sealing);
        topology.addSource("router-in", new StringDeserializer(), new ByteArrayDeserializer(), INPUT);
        topology.addProcessor("route", () -> new RoutingProcessor(router, clock, slaCheckInterval, historyKept, codec), "router-in");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COMPLAINTS_STORE),
                Serdes.String(), Serdes.ByteArray()), "route");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUE_STORE),
                Serdes.String(), Serdes.Long()), "route");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SNAPSHOT_STORE),
                Serdes.String(), Serdes.ByteArray()), "route");
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HISTORY_STORE),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                "history-in", new StringDeserializer(), new ByteArrayDeserializer(), HISTORY_TOPIC, "history-load",
                () -> new HistoryLoader(codec));
        topology.addSink("router-out", (key, value, context) -> {
            Header target = context.headers().lastHeader(TARGET_HEADER);
            return new String(target.value(), StandardCharsets.UTF_8);
        }, new StringSerializer(), new ByteArraySerializer(), "route");
        return topology;
    }
}

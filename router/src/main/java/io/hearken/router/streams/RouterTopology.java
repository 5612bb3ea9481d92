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
 * transaction with the state-store changes: one changelog record per complaint changed ({@link KeptComplaints}). Stores are
 * RocksDB on disk with changelog topics (their native memory bounded, see {@code BoundedStateMemory}); the history
 * of all partitions is a global store fed by the compacted {@value #HISTORY_TOPIC} topic (one record per entry), whose
 * loader derives the keys a look-up reads as ranges over the windows ({@link HistoryKeys}).
 */
public final class RouterTopology {

    /** Input: every channel's intake topic (not their {@code -dlt}s) and the desk's updates. */
    public static final Pattern INPUT = Pattern.compile("intake\\.[a-z0-9]+|complaints\\.updates");
    public static final String HISTORY_TOPIC = "router.history";
    static final String COMPLAINTS_STORE = "router-complaints";
    /** Id → next SLA check, without changelog: rebuilt from {@link #COMPLAINTS_STORE} at each start. */
    static final String SLA_INDEX_STORE = "router-sla-index";
    static final String HISTORY_STORE = "router-history";
    /**
     * Where routers before kept each complaint's {@code complaints.state} record, now in its
     * {@link #COMPLAINTS_STORE} record: read only, for complaints not changed since the upgrade ({@link KeptComplaints}).
     */
    static final String OLD_SNAPSHOT_STORE = "router-snapshots";
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
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SLA_INDEX_STORE),
                Serdes.String(), Serdes.Long()).withLoggingDisabled(), "route");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OLD_SNAPSHOT_STORE),
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

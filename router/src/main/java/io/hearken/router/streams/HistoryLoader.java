package io.hearken.router.streams;

import io.hearken.router.history.HistoryEntry;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global history store in step with its compacted topic: an entry's record ({@code h|<id>}) is stored with
 * the look-up keys derived from it ({@link HistoryKeys}), which replace the keys of its version before; a tombstone
 * deletes it and them. Kafka Streams restores a global store through this processor too, so the derived keys are
 * rebuilt from the topic alone. Keys of the layouts before are stored as they come (the upgrade reads them).
 */
final class HistoryLoader implements Processor<String, byte[], Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(HistoryLoader.class);
    private static final byte[] NOTHING = new byte[0];

    private final StateCodec codec;
    private KeyValueStore<String, byte[]> store;

    HistoryLoader(StateCodec codec) {
        this.codec = codec;
    }

    /** Over a store opened elsewhere (tests: what the processor forwards, applied as the global thread does). */
    HistoryLoader(StateCodec codec, KeyValueStore<String, byte[]> store) {
        this.codec = codec;
        this.store = store;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(RouterTopology.HISTORY_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() != null) {
            apply(record.key(), record.value());
        }
    }

    void apply(String key, byte[] value) {
        if (!key.startsWith(HistoryKeys.ENTRY)) {
            if (value == null) {
                store.delete(key);
            } else {
                store.put(key, value);
            }
            return;
        }
        String derivedKey = HistoryKeys.DERIVED + key.substring(HistoryKeys.ENTRY.length());
        Set<String> derived = new HashSet<>();
        byte[] member = value;
        if (value != null) {
            try {
                HistoryEntry entry = codec.history(value);
                if (entry != null && entry.complaintId() != null) {
                    derived.addAll(HistoryKeys.derived(entry));
                    member = IncidentMember.write(entry);
                }
            } catch (RuntimeException e) { // kept under its own key only; never stops the global thread
                log.warn("History record {} could not be read: {}", key, e.toString());
            }
        }
        byte[] before = store.get(derivedKey);
        if (before != null) {
            for (String old : new String(before, StandardCharsets.UTF_8).split("\n")) {
                if (!old.isEmpty() && !derived.contains(old)) {
                    store.delete(old);
                }
            }
        }
        if (value == null) {
            store.delete(key);
            store.delete(derivedKey);
            return;
        }
        for (String index : derived) {
            store.put(index, index.startsWith(HistoryKeys.TIME) ? NOTHING
                    : index.startsWith(HistoryKeys.INCIDENT) ? member : value);
        }
        store.put(key, value);
        store.put(derivedKey, String.join("\n", List.copyOf(derived)).getBytes(StandardCharsets.UTF_8));
    }
}

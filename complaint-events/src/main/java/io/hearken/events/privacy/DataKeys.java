package io.hearken.events.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.hearken.events.Topics;
import io.hearken.events.json.EventJson;
import io.hearken.events.kafka.TopicTail;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The data keys that seal personal data in events, one (rarely more) per owner: a complaint id, or
 * {@code address:<hash>} for a bounce that names no complaint. Kept on the compacted {@link Topics#PRIVACY_KEYS}
 * topic (key {@code owner/keyId}, value {@link DataKeyRecord}: the Tink keyset encrypted under the {@link MasterKey},
 * bound to its record key), followed into memory by every process. A key is written, and acknowledged by all
 * replicas, before the first event sealed with it, so a reader that misses a key catches up on the topic and finds
 * it. Destroying a key (a tombstone) makes everything sealed with it unreadable everywhere: crypto-shredding.
 * Two processes may create keys for one owner at once; each is its own record, so none is lost.
 */
public final class DataKeys implements SealingKeys, AutoCloseable {

    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private static final Duration SYNC = Duration.ofSeconds(10);
    private static final int CACHED_KEYS = 10_000;

    /** A data key as stored: which owner, which residents (contact hashes) it belongs to, the encrypted keyset. */
    public record DataKeyRecord(String owner, List<String> subjects, Instant created, byte[] keyset) {
    }

    private final MasterKey master;
    private final Producer<String, byte[]> producer;
    private final TopicTail<byte[]> tail;
    /** owner → keyId → the key record (encrypted keyset); opened on demand (an LRU of opened keys bounds memory). */
    private final Map<String, Map<Integer, DataKeyRecord>> keys = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> ownersBySubject = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> subjectsByOwner = new ConcurrentHashMap<>();
    /** {@code owner/keyId} of keys seen destroyed: a reader never waits for them. */
    private final Set<String> destroyed = ConcurrentHashMap.newKeySet();
    private final Map<String, Aead> opened = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Aead> eldest) {
            return size() > CACHED_KEYS;
        }
    });
    private final ReentrantLock[] creating = new ReentrantLock[64];

    /**
     * {@code producerConfig}: Boot's producer settings (servers, security); {@code consumers} reads the key topic
     * (String keys, byte[] values).
     */
    public DataKeys(MasterKey master, Map<String, Object> producerConfig, ConsumerFactory<String, byte[]> consumers) {
        this.master = master;
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A new key is written while someone waits (a web request): fail within seconds when Kafka is away, as the
        // event that needs the key would.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "hearken-data-keys-" + Integer.toHexString(System.identityHashCode(this)));
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.tail = TopicTail.keyed(Topics.PRIVACY_KEYS, consumers, this::accept);
        for (int i = 0; i < creating.length; i++) {
            creating[i] = new ReentrantLock();
        }
        tail.start();
    }

    @Override
    public Sealer sealer(String owner, List<String> subjects) {
        awaitStarted();
        Sealer existing = newest(owner);
        if (existing != null) {
            return existing;
        }
        ReentrantLock lock = creating[Math.floorMod(owner.hashCode(), creating.length)];
        lock.lock();
        try {
            existing = newest(owner);
            return existing != null ? existing : create(owner, subjects);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void prepare(Map<String, List<String>> owners) {
        awaitStarted();
        List<Map.Entry<String, List<String>>> missing = owners.entrySet().stream()
                .filter(o -> newest(o.getKey()) == null).toList();
        if (missing.isEmpty()) {
            return;
        }
        // All written at once, then each remembered once acknowledged: the same durability as create(), one wait.
        List<PreparedKey> made = new ArrayList<>(missing.size());
        for (Map.Entry<String, List<String>> o : missing) {
            made.add(prepared(o.getKey(), o.getValue()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (PreparedKey key : made) {
            awaitWritten(key.written(), deadline - System.nanoTime());
            ReentrantLock lock = creating[Math.floorMod(key.record().owner().hashCode(), creating.length)];
            lock.lock();
            try {
                if (newest(key.record().owner()) == null) { // else a sealer made one meanwhile: this one stays unused
                    remember(key.ref(), key.record());
                    opened.put(key.ref(), key.aead());
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private record PreparedKey(String ref, int keyId, DataKeyRecord record, Aead aead, Future<?> written) {
    }

    private PreparedKey prepared(String owner, List<String> subjects) {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            int keyId = handle.getPrimary().getId();
            String ref = ref(owner, keyId);
            byte[] keyset = TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, master.aead(), bytes(ref));
            List<String> named = subjects == null ? List.of() : subjects.stream().filter(s -> s != null).toList();
            DataKeyRecord record = new DataKeyRecord(owner, named, Instant.now(), keyset);
            return new PreparedKey(ref, keyId, record, handle.getPrimitive(RegistryConfiguration.get(), Aead.class),
                    producer.send(new ProducerRecord<>(Topics.PRIVACY_KEYS, ref, EventJson.mapper().writeValueAsBytes(record))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create a data key", e);
        }
    }

    @Override
    public Optional<Aead> opener(String owner, int keyId) {
        awaitStarted();
        String ref = ref(owner, keyId);
        Aead aead = open(owner, keyId);
        if (aead == null && !destroyed.contains(ref) && tail.awaitCurrent(SYNC)) {
            aead = open(owner, keyId); // written by another process a moment ago
        }
        return Optional.ofNullable(aead);
    }

    /** The owners (complaint ids) whose keys name this resident's contact hash. */
    public Set<String> ownersOf(String subject) {
        awaitStarted();
        tail.awaitCurrent(SYNC);
        return Set.copyOf(ownersBySubject.getOrDefault(subject, Set.of()));
    }

    /**
     * Everything of one resident: the owners whose keys name this contact hash, and, as a complaint that gave an
     * e-mail and a phone links the two, the owners naming any contact linked so. Returns owners and contact hashes.
     */
    public Resident resident(String subject) {
        awaitStarted();
        tail.awaitCurrent(SYNC);
        Set<String> subjects = new java.util.LinkedHashSet<>(List.of(subject));
        Set<String> owners = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(subjects);
        while (!todo.isEmpty()) {
            for (String owner : ownersBySubject.getOrDefault(todo.poll(), Set.of())) {
                if (owners.add(owner)) {
                    for (String linked : subjectsByOwner.getOrDefault(owner, Set.of())) {
                        if (subjects.add(linked)) {
                            todo.add(linked);
                        }
                    }
                }
            }
        }
        return new Resident(Set.copyOf(subjects), Set.copyOf(owners));
    }

    /** One resident as the keys know them: the keyed hashes of their contacts, and their complaints. */
    public record Resident(Set<String> contactHashes, Set<String> owners) {
    }

    /**
     * Destroys every key of {@code owner} (tombstones, acknowledged by all replicas): whatever was sealed with them
     * is unreadable from now on, in every copy of every record. Returns how many keys went.
     */
    public int destroy(String owner) {
        awaitStarted();
        tail.awaitCurrent(SYNC);
        List<Integer> ids = new ArrayList<>(keys.getOrDefault(owner, Map.of()).keySet());
        for (int keyId : ids) {
            send(ref(owner, keyId), null);
            forget(owner, keyId);
        }
        return ids.size();
    }

    @Override
    public void forgetBefore(String owner, Instant at) {
        Map<Integer, DataKeyRecord> mine = keys.get(owner);
        if (mine == null || at == null) {
            return;
        }
        for (var key : List.copyOf(mine.entrySet())) {
            if (key.getValue().created() == null || key.getValue().created().isBefore(at)) {
                forget(owner, key.getKey());
            }
        }
    }

    /** Writes a record that rolls the key topic's segment, so compaction can remove destroyed keys for good. */
    public void nudgeCompaction() {
        send("-/roll", null);
    }

    @Override
    public void close() {
        tail.stop();
        producer.close(Duration.ofSeconds(5));
    }

    private Sealer newest(String owner) {
        Map<Integer, DataKeyRecord> mine = keys.get(owner);
        if (mine == null || mine.isEmpty()) {
            return null;
        }
        int keyId = mine.keySet().iterator().next();
        Aead aead = open(owner, keyId);
        return aead == null ? null : new Sealer(keyId, aead);
    }

    private Sealer create(String owner, List<String> subjects) {
        PreparedKey key = prepared(owner, subjects);
        awaitWritten(key.written(), TimeUnit.SECONDS.toNanos(15));
        remember(key.ref(), key.record());
        opened.put(key.ref(), key.aead());
        return new Sealer(key.keyId(), key.aead());
    }

    private static void awaitWritten(Future<?> written, long nanos) {
        try {
            written.get(Math.max(1, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted writing a data key", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot write a data key to " + Topics.PRIVACY_KEYS + ": " + e, e);
        }
    }

    private Aead open(String owner, int keyId) {
        String ref = ref(owner, keyId);
        if (destroyed.contains(ref)) {
            return null; // also when the key was opened (cached) a moment before it was forgotten
        }
        Aead aead = opened.get(ref);
        if (aead != null) {
            return aead;
        }
        DataKeyRecord record = keys.getOrDefault(owner, Map.of()).get(keyId);
        if (record == null) {
            return null;
        }
        byte[] keyset = record.keyset();
        try {
            aead = TinkProtoKeysetFormat.parseEncryptedKeyset(keyset, master.aead(), bytes(ref))
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Data key " + ref + " does not open with this master key (is "
                    + MasterKey.PROPERTY + " the same in every module?)", e);
        }
        opened.put(ref, aead);
        return aead;
    }

    private void accept(String ref, byte[] value) {
        int slash = ref == null ? -1 : ref.lastIndexOf('/');
        if (slash <= 0) {
            return;
        }
        String owner = ref.substring(0, slash);
        int keyId;
        try {
            keyId = Integer.parseInt(ref.substring(slash + 1));
        } catch (NumberFormatException e) {
            return;
        }
        if (value == null) {
            forget(owner, keyId);
        } else {
            remember(ref, EventJson.mapper().readValue(value, DataKeyRecord.class));
        }
    }

    /**
     * A key forgotten here never comes back (a new key has a new id). Remembering and forgetting exclude each other:
     * the tail reading a key's own record back while an anonymisation forgets that key must not bring it back.
     */
    private synchronized void remember(String ref, DataKeyRecord record) {
        if (destroyed.contains(ref)) {
            return;
        }
        int keyId = Integer.parseInt(ref.substring(ref.lastIndexOf('/') + 1));
        keys.computeIfAbsent(record.owner(), o -> new ConcurrentHashMap<>()).put(keyId, record);
        for (String subject : record.subjects() == null ? List.<String>of() : record.subjects()) {
            ownersBySubject.computeIfAbsent(subject, s -> ConcurrentHashMap.newKeySet()).add(record.owner());
            subjectsByOwner.computeIfAbsent(record.owner(), o -> ConcurrentHashMap.newKeySet()).add(subject);
        }
    }

    private synchronized void forget(String owner, int keyId) {
        String ref = ref(owner, keyId);
        destroyed.add(ref);
        opened.remove(ref);
        keys.computeIfPresent(owner, (o, mine) -> {
            mine.remove(keyId);
            return mine.isEmpty() ? null : mine;
        });
        if (!keys.containsKey(owner)) {
            Set<String> subjects = subjectsByOwner.remove(owner);
            for (String subject : subjects == null ? Set.<String>of() : subjects) {
                ownersBySubject.computeIfPresent(subject, (s, owners) -> {
                    owners.remove(owner);
                    return owners.isEmpty() ? null : owners;
                });
            }
        }
    }

    private void send(String key, byte[] value) {
        awaitWritten(producer.send(new ProducerRecord<>(Topics.PRIVACY_KEYS, key, value)), TimeUnit.SECONDS.toNanos(15));
    }

    private void awaitStarted() {
        if (!tail.awaitCaughtUp(CATCH_UP)) {
            throw new IllegalStateException("The data keys on " + Topics.PRIVACY_KEYS + " were not read within "
                    + CATCH_UP.toSeconds() + " s: is Kafka reachable?");
        }
    }

    private static String ref(String owner, int keyId) {
        return owner + "/" + keyId;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

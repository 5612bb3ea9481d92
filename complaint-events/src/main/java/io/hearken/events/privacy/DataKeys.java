package io.hearken.events.privacy;

import com.google.crypto.tink.Aead;
import io.hearken.events.Topics;
import io.hearken.events.json.EventJson;
import io.hearken.events.kafka.TopicTail;
import io.hearken.events.store.LocalStateProperties;
import io.hearken.events.store.LocalStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The data keys that seal personal data in events, one (rarely more) per owner: a complaint id, or
 * {@code address:<hash>} for a bounce that names no complaint. Kept on the compacted {@link Topics#PRIVACY_KEYS}
 * topic (key {@code owner/keyId}, value {@link DataKeyRecord}: the Tink keyset encrypted under the {@link MasterKey},
 * bound to its record key), followed by every process. A key is written, and acknowledged by all
 * replicas, before the first event sealed with it, so a reader that misses a key catches up on the topic and finds
 * it. Destroying a key (a tombstone) makes everything sealed with it unreadable everywhere: crypto-shredding.
 * What is read of the topic lies in a {@link LocalStore} ({@code hearken.local-state.dir}, folder {@code data-keys-*}),
 * encrypted as on the topic: the heap holds bounded caches only, however long the history.
 * Two processes may create keys for one owner at once; each is its own record, so none is lost.
 * <p>This class creates and hands out keys; what is known of the topic, and all its synchronisation, is in
 * {@link KnownKeys}; writing is {@link KeyTopicWriter}, the Tink wrapping {@link KeyWrapping}.
 */
public final class DataKeys implements SealingKeys, AutoCloseable {

    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private static final Duration SYNC = Duration.ofSeconds(10);

    /** A data key as stored: which owner, which residents (contact hashes) it belongs to, the encrypted keyset. */
    public record DataKeyRecord(String owner, List<String> subjects, Instant created, byte[] keyset) {
    }

    /** One resident as the keys know them: the keyed hashes of their contacts, and their complaints. */
    public record Resident(Set<String> contactHashes, Set<String> owners) {
    }

    private final KeyWrapping wrapping;
    private final KeyTopicWriter writer;
    private final KnownKeys known;
    private final TopicTail<byte[]> tail;
    /**
     * The first key of an owner being made: a second thread asking for it waits for that one rather than making
     * another. Per owner, not striped: a stripe lock held across the key's Kafka write made unrelated requests
     * queue behind each other (under load the web threads spent most of their time there, docs/BENCHMARKS.md).
     */
    private final ConcurrentHashMap<String, CompletableFuture<Sealer>> making = new ConcurrentHashMap<>();
    /** Striped by owner, held only to check and remember (never across a write). */
    private final ReentrantLock[] remembering = new ReentrantLock[64];

    /**
     * {@code producerConfig}: Boot's producer settings (servers, security); {@code consumers} reads the key topic
     * (String keys, byte[] values); {@code local} places the store of what is read.
     */
    public DataKeys(MasterKey master, Map<String, Object> producerConfig, ConsumerFactory<String, byte[]> consumers,
            LocalStateProperties local) {
        this(master, producerConfig, consumers, local, KnownKeys.CACHED_KEYS);
    }

    /**
     * {@code openedKeys}: opened keys kept on the heap (~380 B each); a look-up over more complaints than that
     * ({@code hearken.privacy.opened-keys}) opens keys again from disk, which costs CPU.
     */
    public DataKeys(MasterKey master, Map<String, Object> producerConfig, ConsumerFactory<String, byte[]> consumers,
            LocalStateProperties local, int openedKeys) {
        this.wrapping = new KeyWrapping(master);
        this.writer = new KeyTopicWriter(producerConfig);
        this.known = new KnownKeys(wrapping, LocalStore.open(local, "data-keys"), openedKeys);
        this.tail = TopicTail.timed(Topics.PRIVACY_KEYS, consumers, known::accept);
        for (int i = 0; i < remembering.length; i++) {
            remembering[i] = new ReentrantLock();
        }
        tail.start();
    }

    /** The same with the local store in the default folder: for code outside a Spring context. */
    public DataKeys(MasterKey master, Map<String, Object> producerConfig, ConsumerFactory<String, byte[]> consumers) {
        this(master, producerConfig, consumers, LocalStateProperties.defaults());
    }

    @Override
    public Sealer sealer(String owner, List<String> subjects) {
        awaitStarted();
        Sealer existing = known.newest(owner);
        if (existing != null) {
            return existing;
        }
        CompletableFuture<Sealer> mine = new CompletableFuture<>();
        CompletableFuture<Sealer> other = making.putIfAbsent(owner, mine);
        if (other != null) {
            try {
                return other.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            existing = known.newest(owner);
            Sealer made = existing != null ? existing : create(owner, subjects);
            mine.complete(made);
            return made;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            making.remove(owner, mine);
        }
    }

    @Override
    public void prepare(Map<String, List<String>> owners) {
        awaitStarted();
        List<Map.Entry<String, List<String>>> missing = owners.entrySet().stream()
                .filter(o -> known.newest(o.getKey()) == null).toList();
        if (missing.isEmpty()) {
            return;
        }
        // All written at once, then each remembered once acknowledged: the same durability as create(), one wait.
        List<PreparedKey> made = new ArrayList<>(missing.size());
        for (Map.Entry<String, List<String>> o : missing) {
            made.add(prepared(o.getKey(), o.getValue()));
        }
        long deadline = System.nanoTime() + KeyTopicWriter.WRITE_NANOS;
        for (PreparedKey key : made) {
            KeyTopicWriter.awaitWritten(key.written(), deadline - System.nanoTime());
            ReentrantLock lock = lockFor(key.record().owner());
            lock.lock();
            try {
                if (known.newest(key.record().owner()) == null) { // else a sealer made one meanwhile: this one stays unused
                    known.remember(key.key().ref(), key.record(), key.key().aead());
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** A key made and sent, not yet known to be written. */
    private record PreparedKey(KeyWrapping.NewKey key, DataKeyRecord record, Future<?> written) {
    }

    private PreparedKey prepared(String owner, List<String> subjects) {
        KeyWrapping.NewKey key = wrapping.create(owner);
        List<String> named = subjects == null ? List.of() : subjects.stream().filter(s -> s != null).toList();
        DataKeyRecord record = new DataKeyRecord(owner, named, Instant.now(), key.wrapped());
        return new PreparedKey(key, record, writer.send(key.ref(), EventJson.mapper().writeValueAsBytes(record)));
    }

    private Sealer create(String owner, List<String> subjects) {
        PreparedKey key = prepared(owner, subjects);
        KeyTopicWriter.awaitWritten(key.written(), KeyTopicWriter.WRITE_NANOS);
        ReentrantLock lock = lockFor(owner);
        lock.lock();
        try {
            Sealer meanwhile = known.newest(owner); // prepare() made one: that one is used, this one stays unused
            if (meanwhile != null) {
                return meanwhile;
            }
            known.remember(key.key().ref(), key.record(), key.key().aead());
        } finally {
            lock.unlock();
        }
        return new Sealer(key.key().keyId(), key.key().aead());
    }

    @Override
    public Optional<Aead> opener(String owner, int keyId) {
        awaitStarted();
        Aead aead = known.open(owner, keyId);
        if (aead == null && !known.isDestroyed(owner, keyId) && tail.awaitCurrent(SYNC)) {
            aead = known.open(owner, keyId); // written by another process a moment ago
        }
        return Optional.ofNullable(aead);
    }

    /** The owners (complaint ids) whose keys name this resident's contact hash. */
    public Set<String> ownersOf(String subject) {
        awaitStarted();
        tail.awaitCurrent(SYNC);
        return known.ownersOf(subject);
    }

    /**
     * Everything of one resident: the owners whose keys name this contact hash, and, as a complaint that gave an
     * e-mail and a phone links the two, the owners naming any contact linked so. Returns owners and contact hashes.
     */
    public Resident resident(String subject) {
        awaitStarted();
        tail.awaitCurrent(SYNC);
        return known.resident(subject);
    }

    /**
     * Destroys every key of {@code owner} (tombstones, acknowledged by all replicas): whatever was sealed with them
     * is unreadable from now on, in every copy of every record. Returns how many keys went.
     */
    public int destroy(String owner) {
        awaitStarted();
        tail.awaitCurrent(SYNC);
        List<Integer> ids = known.keyIds(owner);
        known.erased(owner, Instant.now());
        for (int keyId : ids) {
            writer.write(KeyWrapping.ref(owner, keyId), null);
            known.forget(owner, keyId);
        }
        return ids.size();
    }

    @Override
    public void forgetBefore(String owner, Instant at) {
        known.forgetBefore(owner, at);
    }

    @Override
    public Instant erasedAt(String owner) {
        awaitStarted();
        return known.erasedAt(owner);
    }

    /** Writes a record that rolls the key topic's segment, so compaction can remove destroyed keys for good. */
    public void nudgeCompaction() {
        writer.write("-/roll", null);
    }

    @Override
    public void close() {
        tail.stop();
        writer.close();
        known.close();
    }

    private ReentrantLock lockFor(String owner) {
        return remembering[Math.floorMod(owner.hashCode(), remembering.length)];
    }

    private void awaitStarted() {
        if (!tail.awaitCaughtUp(CATCH_UP)) {
            throw new IllegalStateException("The data keys on " + Topics.PRIVACY_KEYS + " were not read within "
                    + CATCH_UP.toSeconds() + " s: is Kafka reachable?");
        }
    }
}

package io.hearken.events.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintId;
import io.hearken.events.ProgressNoted;
import io.hearken.events.json.EventJson;
import io.hearken.events.kafka.SealedJson;
import io.hearken.events.privacy.InMemoryKeys;
import io.hearken.events.privacy.Sealing;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store: empty at every open, one folder per store, gone on close, leftovers of dead processes swept. */
class LocalStoreTest {

    @TempDir
    Path base;

    LocalStateProperties properties() {
        return new LocalStateProperties(base, null, null);
    }

    @Test
    void keepsBytesByKeyInAFolderOfItsOwnThatGoesWhenClosed() {
        Path folder;
        try (LocalStore store = LocalStore.open(properties(), "test");
             LocalStore other = LocalStore.open(properties(), "test")) {
            folder = store.folder();
            assertThat(folder).isDirectory().isNotEqualTo(other.folder());
            assertThat(store.get("a")).isNull();
            store.put("a", "1".getBytes(StandardCharsets.UTF_8));
            store.put("a", "2".getBytes(StandardCharsets.UTF_8));
            store.put("b", "3".getBytes(StandardCharsets.UTF_8));
            assertThat(store.get("a")).asString(StandardCharsets.UTF_8).isEqualTo("2");
            assertThat(other.get("a")).isNull(); // a second store in the same base is its own
            store.delete("a");
            assertThat(store.get("a")).isNull();
            assertThat(store.get("b")).asString(StandardCharsets.UTF_8).isEqualTo("3");
            for (String key : java.util.List.of("c/2", "c/1", "c/10", "cd/1", "d/1")) {
                store.put(key, key.getBytes(StandardCharsets.UTF_8));
            }
            java.util.List<String> seen = new java.util.ArrayList<>();
            store.forEach("c/", (key, value) -> seen.add(key + "=" + new String(value, StandardCharsets.UTF_8)));
            assertThat(seen).containsExactly("c/1=c/1", "c/10=c/10", "c/2=c/2");
            store.deletePrefix("c/");
            assertThat(store.get("c/1")).isNull();
            assertThat(store.get("c/10")).isNull();
            assertThat(store.get("cd/1")).isNotNull();
            assertThat(store.get("d/1")).isNotNull();
        }
        assertThat(folder).doesNotExist();
        try (LocalStore reopened = LocalStore.open(properties(), "test")) {
            assertThat(reopened.get("b")).isNull(); // nothing is recovered: the state is rebuilt from its topic
        }
    }

    @Test
    void sweepsTheFoldersOfProcessesThatAreGoneAndNotThoseInUse() throws Exception {
        Path dead = Files.createDirectories(base.resolve("test-999999-deadbeef").resolve("db"));
        Path deadLock = dead.getParent().resolve("owner.lock");
        Files.writeString(deadLock, "");
        Files.setLastModifiedTime(deadLock, FileTime.from(Instant.now().minusSeconds(3600)));
        Path settling = Files.createDirectories(base.resolve("test-999998-cafebabe"));
        Files.writeString(settling.resolve("owner.lock"), ""); // just created: its process may not have locked it yet
        Path elsewhere = Files.createDirectories(base.resolve("other-999997-0badf00d"));
        try (LocalStore live = LocalStore.open(properties(), "test")) {
            Files.setLastModifiedTime(live.folder().resolve("owner.lock"), FileTime.from(Instant.now().minusSeconds(3600)));
            try (LocalStore second = LocalStore.open(properties(), "test")) {
                assertThat(dead.getParent()).doesNotExist();
                assertThat(settling).isDirectory();
                assertThat(elsewhere).isDirectory(); // another store's name: not this store's to judge
                assertThat(live.folder()).isDirectory(); // locked by its (this) process
                live.put("k", new byte[] {1});
                assertThat(live.get("k")).containsExactly(1);
            }
        }
    }

    @Test
    void aSweepLeavesThisProcesssOwnLocksHeldAsOtherProcessesSeeThem() throws Exception {
        try (LocalStore live = LocalStore.open(properties(), "test")) {
            Path lock = live.folder().resolve("owner.lock");
            // Aged by another process: Java's setLastModifiedTime opens and closes the file, which drops the lock too.
            assertThat(new ProcessBuilder("touch", "-d", "1 hour ago", lock.toString()).start().waitFor()).isZero();
            try (LocalStore second = LocalStore.open(properties(), "test")) { // sweeps the base folder
                // On Linux, closing any channel on the lock file would have dropped this process's lock on it.
                Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), TryLock.class.getName(), lock.toString())
                        .redirectErrorStream(true).start();
                String answer = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                probe.waitFor();
                assertThat(answer).isEqualTo("held");
            }
        }
    }

    @Test
    void aFolderWhoseLockIsHeldByAnotherProcessIsKept() throws Exception {
        Path folder = Files.createDirectories(base.resolve("test-1-held"));
        Path lock = folder.resolve("owner.lock");
        Files.writeString(lock, "");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusSeconds(3600)));
        // Another JVM holds the lock the way an open store does.
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldLock.class.getName(), lock.toString())
                .redirectErrorStream(true).start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("locked");
            try (LocalStore store = LocalStore.open(properties(), "test")) {
                assertThat(folder).isDirectory();
            }
        } finally {
            holder.destroy();
            holder.waitFor();
        }
        try (LocalStore store = LocalStore.open(properties(), "test")) {
            assertThat(folder).doesNotExist(); // its process is gone now
        }
    }

    @Test
    void aSealedValueReadsBackAnonymousOnceTheResidentsKeyIsDestroyed() {
        InMemoryKeys keys = new InMemoryKeys();
        Sealing sealing = new Sealing(() -> keys, Optional::empty, EventJson.mapper());
        ComplaintId id = ComplaintId.of("HK-7K2M-9QXD");
        ProgressNoted note = new ProgressNoted("n-1", id, Instant.parse("2026-12-06T09:00:00Z"), null,
                "王芳 13800138000 家里漏水", true, java.util.List.of());
        try (LocalStore store = LocalStore.open(properties(), "test")) {
            store.put(id.value(), SealedJson.write(sealing, note));
            assertThat(new String(store.get(id.value()), StandardCharsets.UTF_8)).doesNotContain("13800138000");
            assertThat(SealedJson.read(sealing, store.get(id.value()), ProgressNoted.class).note()).contains("13800138000");
            keys.destroy(id.value());
            ProgressNoted shredded = SealedJson.read(sealing, store.get(id.value()), ProgressNoted.class);
            assertThat(shredded.note()).isNull();
            assertThat(shredded.eventId()).isEqualTo("n-1");
        }
    }

    @Test
    void everyStoreOfTheProcessSharesOneMemoryBudgetAndStaysWithinIt() {
        RocksMemory memory = RocksMemory.of(properties());
        java.util.Random random = new java.util.Random(16);
        byte[] value = new byte[64 * 1024];
        long written = 0;
        try (LocalStore first = LocalStore.open(properties(), "budget");
             LocalStore second = LocalStore.open(properties(), "budget");
             LocalStore third = LocalStore.open(properties(), "budget")) {
            assertThat(RocksMemory.of(new LocalStateProperties(base, org.springframework.util.unit.DataSize.ofGigabytes(1),
                    null))).isSameAs(memory); // one per process: a later size asked for does not make a second
            java.util.List<LocalStore> stores = java.util.List.of(first, second, third);
            for (int i = 0; written < 3 * memory.capacity(); i++) {
                random.nextBytes(value); // incompressible: what is written is what the memtables hold
                stores.get(i % 3).put("k" + i, value);
                written += value.length;
            }
            int n = (int) (written / value.length);
            for (int i = 0; i < n; i++) { // every block read once: the cache fills, then evicts
                assertThat(stores.get(i % 3).get("k" + i)).hasSize(value.length);
            }
            // The memtables' reservations and the blocks read together: within the budget, except what is pinned. The
            // cache is not strict: entries in use (the memtables' reservations, the open tables' index and filter
            // blocks, the block being read) cannot be evicted, and how many there are depends on how many tables the
            // flushes left open, which a busy machine changes (0.8 MB over once, 2.0 MB in a CI run with a build
            // beside it). Blocks not evicted would be tens of megabytes over. The slack of 1 MB: the flush and
            // compaction threads may still change both figures between the two reads. (Pinned was 15 MB in a quiet
            // run, 32 MB usage: without eviction it would be about three times the budget, 96 MB.)
            long pinned = memory.cache().getPinnedUsage();
            assertThat(memory.usage()).isLessThanOrEqualTo(memory.capacity() + pinned + 1024 * 1024)
                    .isGreaterThan(memory.capacity() / 2);
        }
    }

    /** Run in another JVM: says whether the lock on the file named is held by some process. */
    static final class TryLock {
        public static void main(String[] args) throws Exception {
            try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
                System.out.print(channel.tryLock() == null ? "held" : "free");
            }
        }
    }

    /** Run in another JVM: holds a lock on the file named, as an open store of another process does. */
    static final class HoldLock {
        public static void main(String[] args) throws Exception {
            FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
            channel.lock();
            System.out.print("locked");
            System.out.flush();
            Thread.sleep(600_000);
        }
    }
}

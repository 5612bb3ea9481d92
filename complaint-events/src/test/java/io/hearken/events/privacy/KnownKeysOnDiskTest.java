package io.hearken.events.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearken.events.json.EventJson;
import io.hearken.events.privacy.DataKeys.DataKeyRecord;
import io.hearken.events.store.LocalStateProperties;
import io.hearken.events.store.LocalStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The known keys on local disk, fed as the key topic's tail feeds them: a record lies in the store as on the topic
 * and is opened on demand; forgetting takes its bytes out of the store, and nothing brings it back.
 */
class KnownKeysOnDiskTest {

    static final byte[] PLAIN = "王小明 13812345678".getBytes(StandardCharsets.UTF_8);
    static final byte[] CONTEXT = "HK-1/name".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    LocalStore store;
    KeyWrapping wrapping = new KeyWrapping(MasterKey.fromBase64(SealingTest.MASTER));
    KnownKeys known;

    @BeforeEach
    void open() {
        store = LocalStore.open(new LocalStateProperties(dir, null, null), "data-keys");
        known = new KnownKeys(wrapping, store);
    }

    @AfterEach
    void close() {
        known.close();
    }

    /** A key as another process writes it to the topic; returns the made key. */
    KeyWrapping.NewKey written(String owner, Instant created, String... subjects) {
        KeyWrapping.NewKey key = wrapping.create(owner);
        known.accept(key.ref(), json(new DataKeyRecord(owner, List.of(subjects), created, key.wrapped())), 0L);
        return key;
    }

    @Test
    void aKeyRecordLiesOnDiskAsOnTheTopicAndIsOpenedOnDemand() throws Exception {
        KeyWrapping.NewKey key = wrapping.create("HK-1");
        byte[] onTopic = json(new DataKeyRecord("HK-1", List.of("hash-a"), Instant.now(), key.wrapped()));
        known.accept(key.ref(), onTopic, 0L);
        byte[] sealed = key.aead().encrypt(PLAIN, CONTEXT);

        assertThat(store.get("kHK-1\u0000" + key.keyId())).isEqualTo(onTopic); // as on the topic: wrapped
        assertThat(known.open("HK-1", key.keyId()).decrypt(sealed, CONTEXT)).isEqualTo(PLAIN);
        assertThat(known.newest("HK-1").keyId()).isEqualTo(key.keyId());
        assertThat(known.ownersOf("hash-a")).containsExactly("HK-1");
    }

    @Test
    void forgettingTakesTheBytesOutOfTheStoreAndTheCacheAndNothingBringsThemBack() {
        String owner = "address:abc/def"; // a slash in the owner, as a contact hash may have
        KeyWrapping.NewKey key = written(owner, Instant.now(), "hash-b");
        assertThat(known.open(owner, key.keyId())).isNotNull(); // now cached too

        long destroyedAt = System.currentTimeMillis();
        known.accept(key.ref(), null, destroyedAt); // the tombstone
        assertThat(keysInStore()).noneMatch(k -> k.startsWith("k") || k.startsWith("s") || k.startsWith("o"))
                .containsExactly("d" + owner + "\u0000" + key.keyId(), "e" + owner);
        assertThat(known.erasedAt(owner)).isEqualTo(Instant.ofEpochMilli(destroyedAt)); // the tombstone's time
        assertThat(known.open(owner, key.keyId())).isNull();
        assertThat(known.isDestroyed(owner, key.keyId())).isTrue();
        assertThat(known.newest(owner)).isNull();
        assertThat(known.ownersOf("hash-b")).isEmpty();

        // The tail reads the key's own record again (an older offset): it stays forgotten.
        known.accept(key.ref(), json(new DataKeyRecord(owner, List.of("hash-b"), Instant.now(), key.wrapped())), 0L);
        assertThat(known.open(owner, key.keyId())).isNull();
        assertThat(keysInStore()).noneMatch(k -> k.startsWith("k"));
    }

    @Test
    void theNewestKeySealsAndAnOwnersIndexesGoWithItsLastKey() {
        Instant now = Instant.now();
        KeyWrapping.NewKey older = written("HK-2", now.minusSeconds(60), "mail-hash");
        KeyWrapping.NewKey newer = written("HK-2", now, "phone-hash");
        written("HK-3", now, "phone-hash", "other-hash");
        assertThat(known.newest("HK-2").keyId()).isEqualTo(newer.keyId());
        assertThat(known.resident("mail-hash").owners()).containsExactlyInAnyOrder("HK-2", "HK-3");
        assertThat(known.resident("mail-hash").contactHashes())
                .containsExactlyInAnyOrder("mail-hash", "phone-hash", "other-hash");

        known.forgetBefore("HK-2", now.minusSeconds(1));
        assertThat(known.keyIds("HK-2")).containsExactly(newer.keyId());
        assertThat(known.isDestroyed("HK-2", older.keyId())).isTrue();
        assertThat(known.ownersOf("mail-hash")).containsExactly("HK-2"); // still one key left

        known.forget("HK-2", newer.keyId());
        assertThat(known.newest("HK-2")).isNull();
        assertThat(known.ownersOf("mail-hash")).isEmpty();
        assertThat(known.resident("phone-hash").owners()).isEqualTo(Set.of("HK-3"));
    }

    @Test
    void aKeyThisProcessMadeIsRememberedOpenedAndOnDisk() {
        KeyWrapping.NewKey key = wrapping.create("HK-4");
        known.remember(key.ref(), new DataKeyRecord("HK-4", List.of(), Instant.now(), key.wrapped()), key.aead());
        assertThat(known.newest("HK-4").aead()).isSameAs(key.aead());
        assertThat(store.get("kHK-4\u0000" + key.keyId())).isNotNull();
    }

    @Test
    void aClosedStoreRefusesRatherThanCrashes() {
        known.close();
        assertThatThrownBy(() -> known.open("HK-5", 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> store.put("x", new byte[0])).isInstanceOf(IllegalStateException.class);
    }

    private List<String> keysInStore() {
        List<String> keys = new ArrayList<>();
        store.forEach("", (k, v) -> keys.add(k));
        return keys;
    }

    private static byte[] json(DataKeyRecord record) {
        return EventJson.mapper().writeValueAsBytes(record);
    }
}

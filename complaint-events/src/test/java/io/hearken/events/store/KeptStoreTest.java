package io.hearken.events.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept store: its data and position come back after a clean close, and only then. */
class KeptStoreTest {

    @TempDir
    Path base;

    LocalStateProperties properties() {
        return new LocalStateProperties(base, null, null);
    }

    @Test
    void aCleanCloseWithAPositionKeepsTheDataAndThePosition() {
        Path folder;
        try (LocalStore store = LocalStore.openKept(properties(), "view", 1)) {
            folder = store.folder();
            assertThat(store.kept()).isEmpty();
            store.put("a", bytes("1"));
            store.keepAt("topic.a", "id-1", Map.of(0, 5L, 1, 7L));
        }
        assertThat(folder.resolve("kept.properties")).exists();
        try (LocalStore store = LocalStore.openKept(properties(), "view", 1)) {
            assertThat(store.folder()).isEqualTo(folder);
            assertThat(folder.resolve("kept.properties")).doesNotExist(); // a kill from now on leaves no position
            assertThat(store.get("a")).asString(StandardCharsets.UTF_8).isEqualTo("1");
            assertThat(store.kept()).hasValueSatisfying(kept -> {
                assertThat(kept.topic()).isEqualTo("topic.a");
                assertThat(kept.topicId()).isEqualTo("id-1");
                assertThat(kept.offsets()).isEqualTo(Map.of(0, 5L, 1, 7L));
                assertThat(kept.closedAt()).isAfterOrEqualTo(kept.builtAt());
            });
            // no position given this time: as after a kill, the next open is empty
        }
        assertThat(folder.resolve("db")).doesNotExist(); // nothing worth keeping: no space held
        try (LocalStore store = LocalStore.openKept(properties(), "view", 1)) {
            assertThat(store.kept()).isEmpty();
            assertThat(store.get("a")).isNull();
        }
    }

    @Test
    void aStoreLeftWithoutItsMarkerOrOfAnotherFormatOpensEmpty() throws Exception {
        Path folder;
        try (LocalStore store = LocalStore.openKept(properties(), "view", 1)) {
            folder = store.folder();
            store.put("a", bytes("1"));
            store.keepAt("t", "id", Map.of(0, 1L));
        }
        try (LocalStore other = LocalStore.openKept(properties(), "view", 2)) { // stored differently now
            assertThat(other.kept()).isEmpty();
            assertThat(other.get("a")).isNull();
            other.put("b", bytes("2"));
            other.keepAt("t", "id", Map.of(0, 1L));
        }
        Files.delete(folder.resolve("kept.properties")); // what a process killed while open leaves
        try (LocalStore store = LocalStore.openKept(properties(), "view", 2)) {
            assertThat(store.kept()).isEmpty();
            assertThat(store.get("b")).isNull();
        }
    }

    @Test
    void aKeptStoreThatCannotBeOpenedIsEmptiedNotAFailedStart() throws Exception {
        Path folder;
        try (LocalStore store = LocalStore.openKept(properties(), "view", 1)) {
            folder = store.folder();
            store.put("a", bytes("1"));
            store.keepAt("t", "id", Map.of(0, 1L));
        }
        Files.writeString(folder.resolve("db").resolve("CURRENT"), "MANIFEST-999999\n"); // a manifest that is not there
        try (LocalStore store = LocalStore.openKept(properties(), "view", 1)) {
            assertThat(store.kept()).isEmpty();
            assertThat(store.get("a")).isNull();
        }
    }

    @Test
    void twoOpenAtOnceEachGetTheirOwnFolderAndClearEmptiesOne() {
        try (LocalStore first = LocalStore.openKept(properties(), "view", 1);
             LocalStore second = LocalStore.openKept(properties(), "view", 1)) {
            assertThat(first.folder()).isNotEqualTo(second.folder());
            first.put("a", bytes("1"));
            assertThat(second.get("a")).isNull();
            first.put("b/1", bytes("2"));
            first.clear();
            assertThat(first.get("a")).isNull();
            assertThat(first.get("b/1")).isNull();
        }
    }

    @Test
    void onlyAKeptStoreTakesAPosition() {
        try (LocalStore store = LocalStore.open(properties(), "throwaway")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.keepAt("t", "id", Map.of()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("deleted when closed");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

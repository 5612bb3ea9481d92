package io.hearken.events.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.TrackingIds;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** No owner added is ever missed; owners never added are told apart, as complaint ids and address hashes look. */
class OwnersWithKeysTest {

    @Test
    void everyOwnerAddedMayHaveAKeyAndAlmostNoOtherDoes() {
        OwnersWithKeys owners = new OwnersWithKeys();
        Set<String> added = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String owner = i % 10 == 0 ? "address:" + Long.toHexString(i * 0x9E3779B97F4A7C15L) : id();
            added.add(owner);
            owners.add(owner);
        }

        assertThat(added).allMatch(owners::mayHave);
        long wrong = 0;
        for (int i = 0; i < 100_000; i++) {
            String other = id();
            wrong += !added.contains(other) && owners.mayHave(other) ? 1 : 0;
        }
        // 0.0005 % expected at 100,000 owners; a filter that said "maybe" to all (or to many) fails here
        assertThat(wrong).isLessThan(10);
    }

    @Test
    void anOwnerNeverAddedIsNotSearchedFor() {
        OwnersWithKeys owners = new OwnersWithKeys();
        owners.add("HK-1");

        assertThat(owners.mayHave("HK-1")).isTrue();
        assertThat(owners.mayHave("HK-2")).isFalse();
        assertThat(owners.mayHave("")).isFalse();
    }

    private static String id() {
        return TrackingIds.fromBits(ThreadLocalRandom.current().nextLong()).value();
    }
}

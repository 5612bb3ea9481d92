package io.hearken.events.privacy;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which owners may have a key, in 1 MB of heap (a Bloom filter): "no" is certain, "maybe" is asked of the store. Every
 * complaint is a new owner, and without this each one's first seal searched the store for its keys in vain, two or
 * three times, under the lock of {@link KnownKeys} (13 % of the web request threads' CPU samples in a profile at
 * 100 complaints/s, docs/BENCHMARKS.md). Owners are only added: a destroyed key leaves a "maybe", which costs one
 * search as before. Wrong "maybe"s stay rare up to about a million owners (2 % there; 0.0005 % at 100,000).
 */
final class OwnersWithKeys {

    private static final int BITS = 1 << 23;
    private static final int PROBES = 4;

    private final AtomicLongArray words = new AtomicLongArray(BITS / Long.SIZE);

    /** Visible to every thread once it returns. */
    void add(String owner) {
        long hash = hash(owner);
        for (int i = 0; i < PROBES; i++) {
            int bit = bit(hash, i);
            long mask = 1L << bit;
            words.getAndAccumulate(bit >>> 6, mask, (word, m) -> word | m);
        }
    }

    /** False only for an owner never added. */
    boolean mayHave(String owner) {
        long hash = hash(owner);
        for (int i = 0; i < PROBES; i++) {
            int bit = bit(hash, i);
            if ((words.get(bit >>> 6) & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The i-th probe from two halves of one 64-bit hash (Kirsch and Mitzenmacher's double hashing). */
    private static int bit(long hash, int i) {
        int h1 = (int) hash;
        int h2 = (int) (hash >>> 32) | 1;
        return (h1 + i * h2) & (BITS - 1);
    }

    /** 64-bit FNV-1a over the characters, then a final mix (the owners are similar strings: ids, hashes). */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}

package io.hearken.desk.board;

import java.util.Arrays;

/**
 * The slots of {@link BoardRows}: which slot (row index) each complaint has, by the 40-bit number of its id
 * ({@link Ids}). Open addressing, linear probing, no object per complaint; a removed complaint's slot is reused.
 * Not thread-safe: the rows call it under their lock.
 */
final class IdTable {

    private long[] ids = new long[1024];
    /** Slot + 1 per id, 0 = empty; at most half full. */
    private int[] table = new int[2048];
    private int[] free = new int[16];
    private int freeCount;
    private int used;
    private int count;

    /** The slot of the id, or -1. */
    int find(long code) {
        int mask = table.length - 1;
        for (int i = hash(code) & mask; table[i] != 0; i = (i + 1) & mask) {
            if (ids[table[i] - 1] == code) {
                return table[i] - 1;
            }
        }
        return -1;
    }

    /** The id's slot; a new one ({@code fresh}) when it has none. */
    int slotOf(long code, boolean[] fresh) {
        int slot = find(code);
        if (slot >= 0) {
            return slot;
        }
        fresh[0] = true;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (used == ids.length) {
                ids = Arrays.copyOf(ids, ids.length * 2);
            }
            slot = used++;
        }
        ids[slot] = code;
        count++;
        if (count * 2 > table.length) {
            rehash(table.length * 2);
        } else {
            link(slot);
        }
        return slot;
    }

    /** The slot the id had (free now), or -1. */
    int remove(long code) {
        int mask = table.length - 1;
        for (int i = hash(code) & mask; table[i] != 0; i = (i + 1) & mask) {
            int slot = table[i] - 1;
            if (ids[slot] == code) {
                unlink(i);
                if (freeCount == free.length) {
                    free = Arrays.copyOf(free, free.length * 2);
                }
                free[freeCount++] = slot;
                count--;
                return slot;
            }
        }
        return -1;
    }

    long code(int slot) {
        return ids[slot];
    }

    /** Slots below this were handed out (some may be free again). */
    int used() {
        return used;
    }

    /** How many slots the columns need room for. */
    int capacity() {
        return ids.length;
    }

    int count() {
        return count;
    }

    private void link(int slot) {
        int mask = table.length - 1;
        int i = hash(ids[slot]) & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = slot + 1;
    }

    /** Empties table position {@code at}, moving back the entries after it that probed past it. */
    private void unlink(int at) {
        int mask = table.length - 1;
        int hole = at;
        for (int i = (at + 1) & mask; table[i] != 0; i = (i + 1) & mask) {
            int home = hash(ids[table[i] - 1]) & mask;
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                table[hole] = table[i];
                hole = i;
            }
        }
        table[hole] = 0;
    }

    private void rehash(int size) {
        table = new int[size];
        boolean[] freed = new boolean[used];
        for (int f = 0; f < freeCount; f++) {
            freed[free[f]] = true;
        }
        for (int slot = 0; slot < used; slot++) {
            if (!freed[slot]) {
                link(slot);
            }
        }
    }

    private static int hash(long code) {
        long h = code * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}

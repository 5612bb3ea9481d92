package io.hearken.desk.board;

import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintStatus;
import io.hearken.staff.StaffPerson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * What the board keeps in memory of each complaint: only what picks a queue's complaints before they are read from
 * the store ({@link StoredSummaries}): routed or not, department, status, building, category, handler, and whether a
 * return visit can be owed (rated or resolved). In columns indexed by a slot, no object per complaint; the id as the
 * 40-bit number its eight letters make; the strings that repeat (departments, buildings, …) numbered once in
 * {@code strings}, which only grows by distinct values. About 30 bytes a complaint, plus the id table.
 */
final class BoardRows {

    private static final byte ROUTED = 1;
    private static final byte RATED_OR_RESOLVED = 2;
    private static final ComplaintStatus[] STATUSES = ComplaintStatus.values();

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<String> strings = new ArrayList<>(Arrays.asList((String) null));
    private final Map<String, Integer> numbers = new HashMap<>();
    private long[] ids = new long[1024];
    private int[] departments = new int[1024];
    private int[] buildings = new int[1024];
    private int[] categories = new int[1024];
    private int[] handlers = new int[1024];
    private byte[] statuses = new byte[1024];
    private byte[] flags = new byte[1024];
    /** Open addressing, linear probing: slot + 1 per id, 0 = empty; at most half full. */
    private int[] table = new int[2048];
    private int[] free = new int[16];
    private int freeCount;
    private int used;
    private int count;

    /** Sets the complaint's row from its summary. */
    void put(ComplaintId id, ComplaintSummary s) {
        write(() -> {
            int slot = slotOf(Ids.code(id));
            departments[slot] = number(s.department());
            buildings[slot] = number(s.building());
            categories[slot] = number(s.category());
            handlers[slot] = number(s.handlerId());
            statuses[slot] = (byte) (s.status() == null ? 0 : s.status().ordinal() + 1);
            flags[slot] = (byte) ((s.routed() ? ROUTED : 0)
                    | ((s.satisfaction() != null && s.ratedAt() != null) || s.resolvedAt() != null ? RATED_OR_RESOLVED : 0));
        });
    }

    /** A row for a complaint the board knows of but that is not routed (yet), when it has none. */
    void touch(ComplaintId id) {
        write(() -> slotOf(Ids.code(id)));
    }

    void remove(ComplaintId id) {
        write(() -> {
            long code = Ids.code(id);
            int mask = table.length - 1;
            for (int i = hash(code) & mask; table[i] != 0; i = (i + 1) & mask) {
                int slot = table[i] - 1;
                if (ids[slot] == code) {
                    unlink(i);
                    flags[slot] = 0;
                    if (freeCount == free.length) {
                        free = Arrays.copyOf(free, free.length * 2);
                    }
                    free[freeCount++] = slot;
                    count--;
                    return;
                }
            }
        });
    }

    boolean contains(ComplaintId id) {
        return read(() -> find(Ids.code(id)) >= 0);
    }

    /** The department of a routed complaint; null when it is not on the board or not routed. */
    String routedDepartment(ComplaintId id) {
        return read(() -> {
            int slot = find(Ids.code(id));
            return slot < 0 || (flags[slot] & ROUTED) == 0 ? null : strings.get(departments[slot]);
        });
    }

    /**
     * The routed complaints the person sees that the filter's status, building, category, department and assignee
     * let through (the search is for the summaries); with {@code ratedOrResolved} only those rated or resolved.
     */
    List<ComplaintId> select(StaffPerson person, QueueFilter filter, boolean ratedOrResolved) {
        byte needed = (byte) (ROUTED | (ratedOrResolved ? RATED_OR_RESOLVED : 0));
        int department = filter.department() == null ? -1 : known(filter.department());
        int category = filter.category() == null ? -1 : known(filter.category());
        int assignee = filter.assignee() == null ? -1 : known(filter.assignee());
        return read(() -> {
            List<ComplaintId> picked = new ArrayList<>();
            boolean[] seen = seen(person);
            boolean[] building = filter.building() == null ? null : new boolean[strings.size()];
            for (int i = 0; building != null && i < building.length; i++) {
                String b = strings.get(i);
                building[i] = filter.building().equalsIgnoreCase(b == null ? "" : b);
            }
            for (int slot = 0; slot < used; slot++) {
                if ((flags[slot] & needed) != needed || !seen[departments[slot]]
                        || department >= 0 && departments[slot] != department || department == -2
                        || category >= 0 && categories[slot] != category || category == -2
                        || assignee >= 0 && handlers[slot] != assignee || assignee == -2
                        || building != null && !building[buildings[slot]]) {
                    continue;
                }
                ComplaintStatus status = statuses[slot] == 0 ? null : STATUSES[statuses[slot] - 1];
                if (filter.statuses().isEmpty() ? ComplaintStatus.isOpen(status) : filter.statuses().contains(status)) {
                    picked.add(Ids.id(ids[slot]));
                }
            }
            return picked;
        });
    }

    /** Every department (routed complaints' only). */
    Set<String> departments() {
        return values(departments, null);
    }

    /** Every category of a routed complaint. */
    Set<String> categories() {
        return values(categories, null);
    }

    /** The categories, and the buildings, of the routed complaints the person sees. */
    Set<String> categories(StaffPerson person) {
        return values(categories, person);
    }

    Set<String> buildings(StaffPerson person) {
        return values(buildings, person);
    }

    int size() {
        return read(() -> count);
    }

    private Set<String> values(int[] column, StaffPerson person) {
        return read(() -> {
            boolean[] seen = person == null ? null : seen(person);
            boolean[] has = new boolean[strings.size()];
            for (int slot = 0; slot < used; slot++) {
                if ((flags[slot] & ROUTED) != 0 && (seen == null || seen[departments[slot]])) {
                    has[column[slot]] = true;
                }
            }
            Set<String> values = new TreeSet<>();
            for (int i = 1; i < has.length; i++) {
                if (has[i]) {
                    values.add(strings.get(i));
                }
            }
            return values;
        });
    }

    /** Per string number: whether the person sees a department of that name. */
    private boolean[] seen(StaffPerson person) {
        boolean[] seen = new boolean[strings.size()];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = person.sees(strings.get(i));
        }
        return seen;
    }

    /** The string's number; -2 when no complaint has it (so nothing matches). */
    private int known(String value) {
        return read(() -> numbers.getOrDefault(value, -2));
    }

    private int number(String value) {
        if (value == null) {
            return 0;
        }
        return numbers.computeIfAbsent(value, v -> {
            strings.add(v);
            return strings.size() - 1;
        });
    }

    /** The slot of the id, or -1. Call under the lock. */
    private int find(long code) {
        int mask = table.length - 1;
        for (int i = hash(code) & mask; table[i] != 0; i = (i + 1) & mask) {
            if (ids[table[i] - 1] == code) {
                return table[i] - 1;
            }
        }
        return -1;
    }

    /** The id's slot, a new one (empty row) when it has none. Call under the write lock. */
    private int slotOf(long code) {
        int slot = find(code);
        if (slot >= 0) {
            return slot;
        }
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (used == ids.length) {
                grow(ids.length * 2);
            }
            slot = used++;
        }
        ids[slot] = code;
        departments[slot] = buildings[slot] = categories[slot] = handlers[slot] = 0;
        statuses[slot] = flags[slot] = 0;
        count++;
        if (count * 2 > table.length) {
            rehash(table.length * 2);
        } else {
            link(slot);
        }
        return slot;
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

    private void grow(int size) {
        ids = Arrays.copyOf(ids, size);
        departments = Arrays.copyOf(departments, size);
        buildings = Arrays.copyOf(buildings, size);
        categories = Arrays.copyOf(categories, size);
        handlers = Arrays.copyOf(handlers, size);
        statuses = Arrays.copyOf(statuses, size);
        flags = Arrays.copyOf(flags, size);
    }

    private static int hash(long code) {
        long h = code * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private <T> T read(java.util.function.Supplier<T> body) {
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void write(Runnable body) {
        lock.writeLock().lock();
        try {
            body.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}

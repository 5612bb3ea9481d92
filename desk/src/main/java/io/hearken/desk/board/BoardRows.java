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
 * What the board keeps in memory of each complaint: what picks a queue's complaints and orders them before they are
 * read from the store ({@link StoredSummaries}): routed or not, department, status, building, category, handler,
 * whether a return visit can be owed (rated or resolved), and the queue order's priority, deadline and time received
 * ({@link QueueOrder}). In columns indexed by a slot ({@link IdTable}), no object per complaint; the strings that
 * repeat (departments, buildings, …) numbered once in {@code strings}, which only grows by distinct values. About 50
 * bytes a complaint, plus the id table.
 */
final class BoardRows {

    private static final byte ROUTED = 1;
    private static final byte RATED_OR_RESOLVED = 2;
    private static final ComplaintStatus[] STATUSES = ComplaintStatus.values();

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<String> strings = new ArrayList<>(Arrays.asList((String) null));
    private final Map<String, Integer> numbers = new HashMap<>();
    private final IdTable slots = new IdTable();
    private int[] departments = new int[1024];
    private int[] buildings = new int[1024];
    private int[] categories = new int[1024];
    private int[] handlers = new int[1024];
    private int[] priorities = new int[1024];
    private long[] deadlines = new long[1024];
    private long[] received = new long[1024];
    private byte[] statuses = new byte[1024];
    private byte[] flags = new byte[1024];

    /** Sets the complaint's row from its summary. */
    void put(ComplaintId id, ComplaintSummary s) {
        write(() -> {
            int slot = slotOf(Ids.code(id));
            departments[slot] = number(s.department());
            buildings[slot] = number(s.building());
            categories[slot] = number(s.category());
            handlers[slot] = number(s.handlerId());
            priorities[slot] = s.priority();
            deadlines[slot] = QueueOrder.key(s.nextDeadline());
            received[slot] = QueueOrder.key(s.receivedAt());
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
            int slot = slots.remove(Ids.code(id));
            if (slot >= 0) {
                flags[slot] = 0;
            }
        });
    }

    boolean contains(ComplaintId id) {
        return read(() -> slots.find(Ids.code(id)) >= 0);
    }

    /** The department of a routed complaint; null when it is not on the board or not routed. */
    String routedDepartment(ComplaintId id) {
        return read(() -> {
            int slot = slots.find(Ids.code(id));
            return slot < 0 || (flags[slot] & ROUTED) == 0 ? null : strings.get(departments[slot]);
        });
    }

    /**
     * The routed complaints the person sees that the filter's status, building, category, department and assignee
     * let through (the search is for the summaries), in the queue's order ({@link QueueOrder}), as id numbers
     * ({@link Ids}); with {@code ratedOrResolved} only those rated or resolved.
     */
    long[] select(StaffPerson person, QueueFilter filter, boolean ratedOrResolved) {
        byte needed = (byte) (ROUTED | (ratedOrResolved ? RATED_OR_RESOLVED : 0));
        int department = filter.department() == null ? -1 : known(filter.department());
        int category = filter.category() == null ? -1 : known(filter.category());
        int assignee = filter.assignee() == null ? -1 : known(filter.assignee());
        return read(() -> {
            int[] picked = new int[Math.max(16, slots.count())];
            int n = 0;
            boolean[] seen = seen(person);
            boolean[] building = filter.building() == null ? null : new boolean[strings.size()];
            for (int i = 0; building != null && i < building.length; i++) {
                String b = strings.get(i);
                building[i] = filter.building().equalsIgnoreCase(b == null ? "" : b);
            }
            for (int slot = 0; slot < slots.used(); slot++) {
                if ((flags[slot] & needed) != needed || !seen[departments[slot]]
                        || department >= 0 && departments[slot] != department || department == -2
                        || category >= 0 && categories[slot] != category || category == -2
                        || assignee >= 0 && handlers[slot] != assignee || assignee == -2
                        || building != null && !building[buildings[slot]]) {
                    continue;
                }
                ComplaintStatus status = statuses[slot] == 0 ? null : STATUSES[statuses[slot] - 1];
                if (filter.statuses().isEmpty() ? ComplaintStatus.isOpen(status) : filter.statuses().contains(status)) {
                    picked[n++] = slot;
                }
            }
            new QueueOrder(priorities, deadlines, received).sort(picked, n);
            long[] codes = new long[n];
            for (int i = 0; i < n; i++) {
                codes[i] = slots.code(picked[i]);
            }
            return codes;
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
        return read(slots::count);
    }

    private Set<String> values(int[] column, StaffPerson person) {
        return read(() -> {
            boolean[] seen = person == null ? null : seen(person);
            boolean[] has = new boolean[strings.size()];
            for (int slot = 0; slot < slots.used(); slot++) {
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

    /** The id's slot, a new one (empty row) when it has none. Call under the write lock. */
    private int slotOf(long code) {
        boolean[] fresh = {false};
        int slot = slots.slotOf(code, fresh);
        if (fresh[0]) {
            if (departments.length < slots.capacity()) {
                grow(slots.capacity());
            }
            departments[slot] = buildings[slot] = categories[slot] = handlers[slot] = priorities[slot] = 0;
            statuses[slot] = flags[slot] = 0;
            deadlines[slot] = received[slot] = QueueOrder.NONE;
        }
        return slot;
    }

    private void grow(int size) {
        departments = Arrays.copyOf(departments, size);
        buildings = Arrays.copyOf(buildings, size);
        categories = Arrays.copyOf(categories, size);
        handlers = Arrays.copyOf(handlers, size);
        priorities = Arrays.copyOf(priorities, size);
        deadlines = Arrays.copyOf(deadlines, size);
        received = Arrays.copyOf(received, size);
        statuses = Arrays.copyOf(statuses, size);
        flags = Arrays.copyOf(flags, size);
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

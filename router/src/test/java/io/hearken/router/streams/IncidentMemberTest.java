package io.hearken.router.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintId;
import io.hearken.events.json.EventJson;
import io.hearken.events.privacy.InMemoryKeys;
import io.hearken.events.privacy.Sealing;
import io.hearken.router.history.HistoryEntry;
import io.hearken.router.history.LinkingComplaint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incident's members are counted from their {@code in|} values ({@link IncidentMember}: a short line, no JSON, no
 * seal, no personal field), with the same result as from the entries; a store filled before (JSON there) counts the
 * same, and a member re-linked, escalated or deleted is counted as it is now, also after the store is rebuilt.
 */
class IncidentMemberTest {

    private static final Instant START = Instant.parse("2026-03-01T08:00:00.123456789Z");
    private final LinkingComplaint linking = new LinkingComplaint(Duration.ofHours(24), Duration.ofDays(30), 0.3);

    @TempDir
    Path dir;

    @Test
    void aMembersValueHoldsItsPublicFieldsAsOneLineAndReadsBackAsThem() {
        ComplaintId incident = HistoryStore.id(1);
        for (Boolean escalated : new Boolean[] {null, false, true}) {
            HistoryEntry member = new HistoryEntry(HistoryStore.id(2), START, "3号楼|东区", "1203", "a1b2c3", "facility",
                    "电梯坏了", incident, escalated);
            byte[] value = IncidentMember.write(member);
            String text = new String(value, StandardCharsets.UTF_8);
            assertThat(text).startsWith("m|").doesNotContain("1203", "电梯", "{");
            assertThat(IncidentMember.read(member.complaintId(), incident, value)).isEqualTo(new HistoryEntry(
                    member.complaintId(), START, "3号楼|东区", null, "a1b2c3", null, null, incident, escalated));
        }
        HistoryEntry master = new HistoryEntry(incident, START, null, null, null, null, null, null);
        assertThat(IncidentMember.read(incident, incident, IncidentMember.write(master))).isEqualTo(master);
        assertThat(IncidentMember.read(incident, incident, "{\"type\":\"history-entry\"}".getBytes(StandardCharsets.UTF_8)))
                .as("the layout before").isNull();
    }

    @Test
    void anIncidentIsCountedFromItsMembersValuesAsFromItsEntries() {
        try (HistoryStore history = new HistoryStore(dir)) {
            List<HistoryEntry> all = grow(history);
            HistoryEntry next = complaint(99, START.plus(Duration.ofHours(3)), "resident-x");
            LinkingComplaint.Result expected = linking.link(next, all);
            assertThat(expected.relatedCount()).isEqualTo(20);
            assertThat(expected.incidentEscalated()).isTrue();
            assertThat(history.keys(HistoryKeys.INCIDENT)).allSatisfy(key -> assertThat(
                    new String(history.store.get(key), StandardCharsets.UTF_8)).startsWith("m|"));
            assertThat(linking.link(next, history.history())).isEqualTo(expected);
        }
    }

    @Test
    void aStoreFilledBeforeCountsTheSameFromItsJsonMembers() {
        try (HistoryStore history = new HistoryStore(dir)) {
            List<HistoryEntry> all = grow(history);
            for (String key : history.keys(HistoryKeys.INCIDENT)) { // as the loader before wrote them: public part, JSON
                HistoryEntry e = history.codec.history(history.store.get(HistoryKeys.entry(HistoryKeys.id(key))));
                history.store.put(key, EventJson.mapper().writeValueAsBytes(new HistoryEntry(e.complaintId(), e.at(),
                        e.building(), null, e.residentHash(), e.category(), null, e.relatedTo(), e.escalated())));
            }
            HistoryEntry next = complaint(99, START.plus(Duration.ofHours(3)), "resident-x");
            assertThat(linking.link(next, history.history())).isEqualTo(linking.link(next, all));
        }
    }

    @Test
    void aMemberReLinkedUnescalatedOrDeletedCountsAsItIsNowAlsoAfterARebuild() {
        List<String[]> records = new ArrayList<>(); // what went to router.history, to rebuild the store from
        List<HistoryEntry> all;
        HistoryEntry next = complaint(99, START.plus(Duration.ofHours(3)), "resident-x");
        Sealing sealing = InMemoryKeys.sealing(); // the same keys for the store and its rebuild
        try (HistoryStore history = new HistoryStore(dir.resolve("first"), sealing)) {
            all = new ArrayList<>(grow(history));
            RoutingHistory task = history.history();
            HistoryEntry moved = all.get(5); // staff link it to another incident
            HistoryEntry relinked = new HistoryEntry(moved.complaintId(), moved.at(), moved.building(), moved.unit(),
                    moved.residentHash(), moved.category(), moved.text(), HistoryStore.id(500), null);
            HistoryEntry escalatedOne = all.get(3);
            HistoryEntry calm = new HistoryEntry(escalatedOne.complaintId(), escalatedOne.at(), escalatedOne.building(),
                    escalatedOne.unit(), escalatedOne.residentHash(), escalatedOne.category(), escalatedOne.text(),
                    escalatedOne.relatedTo(), null);
            task.write(relinked, recording(history, records));
            task.write(calm, recording(history, records));
            task.delete(HistoryKeys.entry(all.get(7).complaintId()), recording(history, records));
            all.set(5, relinked);
            all.set(3, calm);
            all.remove(7);
            LinkingComplaint.Result expected = linking.link(next, all);
            assertThat(expected.relatedCount()).isEqualTo(18);
            assertThat(expected.incidentEscalated()).isFalse();
            assertThat(linking.link(next, task)).as("the task that wrote it").isEqualTo(expected);
            assertThat(linking.link(next, history.history())).as("another task").isEqualTo(expected);
        }
        try (HistoryStore rebuilt = new HistoryStore(dir.resolve("rebuilt"), sealing)) { // restored from the topic alone
            List<String[]> fromTopic = new ArrayList<>(initialRecords);
            fromTopic.addAll(records);
            for (String[] record : fromTopic) { // as the global thread restores it: through the loader
                rebuilt.topic.accept(record[0], record[1] == null ? null : record[1].getBytes(StandardCharsets.ISO_8859_1));
            }
            assertThat(linking.link(next, rebuilt.history())).isEqualTo(linking.link(next, all));
        }
    }

    private final List<String[]> initialRecords = new ArrayList<>();

    /** An incident of 20 (the master and 19 linked), one of them escalated, plus other complaints of the building. */
    private List<HistoryEntry> grow(HistoryStore history) {
        RoutingHistory writer = history.history();
        writer.migrate(history.topic);
        List<HistoryEntry> all = new ArrayList<>();
        ComplaintId master = HistoryStore.id(0);
        for (int i = 0; i < 20; i++) {
            HistoryEntry e = complaint(i, START.plus(Duration.ofMinutes(i)), "resident-" + i);
            all.add(new HistoryEntry(e.complaintId(), e.at(), e.building(), e.unit(), e.residentHash(), e.category(),
                    e.text(), i == 0 ? null : master, i == 3 ? true : null));
        }
        for (int i = 20; i < 30; i++) {
            all.add(new HistoryEntry(HistoryStore.id(i), START.plus(Duration.ofMinutes(i)), "3号楼", "9" + i,
                    "resident-" + i, "noise", "楼上太吵 " + i, null));
        }
        for (HistoryEntry e : all) {
            writer.write(e, recording(history, initialRecords));
        }
        return all;
    }

    private static java.util.function.BiConsumer<String, byte[]> recording(HistoryStore history, List<String[]> into) {
        return (key, value) -> {
            into.add(new String[] {key, value == null ? null : new String(value, StandardCharsets.ISO_8859_1)});
            history.topic.accept(key, value);
        };
    }

    private static HistoryEntry complaint(int n, Instant at, String resident) {
        return new HistoryEntry(HistoryStore.id(n), at, "3号楼", String.valueOf(1000 + n), resident, "facility",
                "电梯坏了停在五楼不动 " + n, null);
    }
}

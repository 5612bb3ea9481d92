package io.hearken.router.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintId;
import io.hearken.router.history.HistoryEntry;
import io.hearken.router.history.LinkingComplaint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexed look-up gives the same links as before: for many complaints over a varied history (buildings, units,
 * residents, categories, times inside and outside the windows, incidents grown by the router and linked by staff
 * across categories and buildings, escalations, re-linked, re-classified and erased entries), the {@link Result} of
 * {@link LinkingComplaint#link(HistoryEntry, io.hearken.router.history.HistoryIndex)} over the store equals that of
 * {@link LinkingComplaint#link(HistoryEntry, List)} over every entry of the building and the resident since the
 * look-back (what the router read before).
 */
class HistoryLookUpTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> CATEGORIES = List.of("facility", "noise", "fees", "pests", "other");
    private static final List<String> TEXTS = List.of("电梯坏了停在五楼不动", "电梯坏了一直停在五楼", "楼上太吵了晚上睡不着",
            "楼上装修太吵", "物业费账单算错了", "水管漏水了", "卫生间水管漏水", "垃圾没人收", "lift broken again on floor five",
            "the lift is broken on floor five", "noisy neighbours at night", "bill is wrong");

    private final LinkingComplaint linking = new LinkingComplaint(Duration.ofHours(24), Duration.ofDays(30), 0.3);
    private final Random random = new Random(16);
    private final Map<ComplaintId, HistoryEntry> latest = new LinkedHashMap<>();

    @TempDir
    Path dir;

    @Test
    void theIndexedLookUpLinksEveryComplaintAsTheWholeCandidateListDid() {
        try (HistoryStore history = new HistoryStore(dir)) {
            RoutingHistory writer = history.history();
            List<Instant> times = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) { // 45 days
                times.add(START.plusMillis((long) (random.nextDouble() * Duration.ofDays(45).toMillis())));
            }
            times.sort(null);
            for (int i = 0; i < times.size(); i++) { // in time order, linked as the router links them
                HistoryEntry e = randomEntry(i, times.get(i));
                LinkingComplaint.Result link = linking.link(e, full(e));
                ComplaintId relatedTo = link.relatedTo();
                if (random.nextInt(20) == 0 && !latest.isEmpty()) { // linked by staff: any category, any building
                    relatedTo = pick().incident();
                }
                Boolean escalated = random.nextInt(10) == 0 || link.incidentEscalated() ? true : null;
                remember(writer, history, new HistoryEntry(e.complaintId(), e.at(), e.building(), e.unit(),
                        e.residentHash(), e.category(), e.text(), relatedTo, escalated));
            }
            for (int i = 0; i < 150; i++) { // re-linked by staff or re-classified: the keys of the version before go
                HistoryEntry e = pick();
                boolean relink = random.nextBoolean();
                remember(writer, history, new HistoryEntry(e.complaintId(), e.at(), e.building(), e.unit(),
                        e.residentHash(), relink ? e.category() : CATEGORIES.get(random.nextInt(CATEGORIES.size())),
                        e.text(), relink ? pick().incident() : e.relatedTo(), e.escalated()));
            }
            for (int i = 0; i < 60; i++) { // erased, as the processor applies an erasure
                HistoryEntry e = pick();
                RoutingHistory.Erasure erasure = writer.erase(e.complaintId());
                erasure.keys().forEach(key -> writer.delete(key, history.topic));
                latest.remove(e.complaintId());
                if (erasure.kept() != null) {
                    remember(writer, history, erasure.kept());
                }
            }

            RoutingHistory restarted = history.history(); // the store alone, nothing of its own
            assertThat(restarted.migrate(history.topic)).isFalse();
            int linked = 0;
            int grown = 0;
            int repeats = 0;
            int escalated = 0;
            int crossCategory = 0;
            for (int i = 0; i < 600; i++) {
                HistoryEntry current = randomEntry(100_000 + i,
                        START.plusMillis((long) (random.nextDouble() * Duration.ofDays(60).toMillis())));
                LinkingComplaint.Result before = linking.link(current, full(current));
                assertThat(linking.link(current, restarted)).as("%s", current).isEqualTo(before);
                assertThat(linking.link(current, writer)).as("with own writes: %s", current).isEqualTo(before);
                linked += before.relatedTo() != null ? 1 : 0;
                grown += before.relatedCount() >= 3 ? 1 : 0;
                repeats += before.repeat() ? 1 : 0;
                escalated += before.incidentEscalated() ? 1 : 0;
                ComplaintId incident = before.relatedTo();
                crossCategory += incident != null && full(current).stream().anyMatch(e -> incident.equals(e.incident())
                        && !e.category().equals(current.category())) ? 1 : 0;
            }
            assertThat(linked).as("linked to an incident").isGreaterThan(100);
            assertThat(grown).as("incidents of three or more").isGreaterThan(15);
            assertThat(crossCategory).as("incidents with members of another category").isPositive();
            assertThat(repeats).as("repeats").isGreaterThan(300);
            assertThat(escalated).as("incidents already escalated").isGreaterThan(15);
        }
    }

    /** What the router read before: every entry of the building and of the resident since the look-back. */
    private List<HistoryEntry> full(HistoryEntry current) {
        Instant from = linking.lookBack(current.at());
        return latest.values().stream()
                .filter(e -> current.building() != null && current.building().equals(e.building())
                        || current.residentHash() != null && current.residentHash().equals(e.residentHash()))
                .filter(e -> !e.at().isBefore(from) && !e.at().isAfter(current.at()))
                .toList();
    }

    private void remember(RoutingHistory writer, HistoryStore history, HistoryEntry entry) {
        writer.write(entry, history.topic);
        latest.put(entry.complaintId(), entry);
    }

    private HistoryEntry pick() {
        List<HistoryEntry> all = List.copyOf(latest.values());
        return all.get(random.nextInt(all.size()));
    }

    /** Half like an entry of the history (its building, unit, resident or category), half anything. */
    private HistoryEntry randomEntry(int n, Instant at) {
        HistoryEntry like = !latest.isEmpty() && random.nextBoolean() ? pick() : null;
        String building = like != null && random.nextInt(4) > 0 ? like.building()
                : random.nextInt(20) == 0 ? null : "b" + random.nextInt(6);
        String unit = like != null && random.nextBoolean() ? like.unit()
                : random.nextInt(5) == 0 ? null : String.valueOf(101 + random.nextInt(4) * 100 + random.nextInt(2));
        String resident = like != null && random.nextInt(3) == 0 ? like.residentHash()
                : random.nextInt(7) == 0 ? null : "r" + random.nextInt(60);
        String category = like != null && random.nextBoolean() ? like.category()
                : CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        String text = like != null && random.nextBoolean() ? like.text() : TEXTS.get(random.nextInt(TEXTS.size()));
        return new HistoryEntry(HistoryStore.id(n), at, building, unit, resident, category, text, null);
    }
}

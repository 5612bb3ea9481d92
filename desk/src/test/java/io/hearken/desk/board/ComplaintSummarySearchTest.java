package io.hearken.desk.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.desk.DeskTestSupport;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Contact;
import io.hearken.events.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A queue search finds exactly what it found when the summary kept the whole search text (the id, subject,
 * description, building, unit, area, address, name, e-mail and phone, lower-cased, one per line): every piece of
 * that text is found, in each field, whatever its case, and nothing else is.
 */
class ComplaintSummarySearchTest {

    @Test
    void everyPartOfEveryFieldIsFoundAsBeforeAndNothingElse() {
        assertSameAsOneText(summary("Leak in BATHROOM ΟΔΟΣ İzmir 𝐀", "Water DRIPS 夜里漏水\nΟΔΟΣ next line", new Place("Tower B",
                "12-03A", "East Zone", "1 Main St", null, null), new Contact("Zhang WEI Σ", "Zhang.Wei@Example.com",
                "+86 138 0013 8000")));
        assertSameAsOneText(summary("漏水", "Οδός ΟΔΟΣ", new Place("3号楼", null, null, "İstanbul Cd.", null, null), null));
        assertSameAsOneText(summary(null, "", null, new Contact(null, null, "13800138000")));
    }

    @Test
    void aSearchByEachFieldThroughTheQueueFindsTheComplaint() {
        ComplaintSummary s = summary("Leak", "Water drips", new Place("Tower B", "12-03A", "East Zone", "1 Main St",
                null, null), new Contact("Zhang WEI", "zhang@example.com", "13800138000"));
        for (String q : List.of(s.id().value(), "LEAK", "drips", "tower b", "12-03a", "EAST zone", "main st",
                "zhang wei", "ZHANG@EXAMPLE", "0013800", "k-", "drips\ntower")) {
            assertThat(new QueueFilter(null, null, null, q, null).asPredicate().test(s)).as(q).isTrue();
        }
        assertThat(new QueueFilter(null, null, null, "leak in", null).asPredicate().test(s)).isFalse();
    }

    static void assertSameAsOneText(ComplaintSummary s) {
        String text = oneText(s);
        assertThat(s.searchText()).isEqualTo(text);
        List<String> found = new ArrayList<>();
        for (int from = 0; from < text.length(); from++) {
            for (int to = from + 1; to <= text.length(); to++) {
                String q = text.substring(from, to);
                if (!s.matches(q)) {
                    found.add(q);
                }
            }
        }
        assertThat(found).as("pieces of the text not found").isEmpty();
        for (String q : List.of("zz", "\n\n", "leak\nwater drips\n", "b\n12", "hk-", "east zone\n1 main",
                s.id().value(), "x" + text)) {
            assertThat(s.matches(q.toLowerCase(Locale.ROOT))).as(q).isEqualTo(text.contains(q.toLowerCase(Locale.ROOT)));
        }
    }

    /** The search text as the summary used to keep it. */
    static String oneText(ComplaintSummary s) {
        StringBuilder text = new StringBuilder(s.id().value()).append('\n');
        DeskComplaint c = complaints.get(s);
        ComplaintReceived r = c.complaint();
        for (String part : new String[] {r.subject(), r.description(),
                r.place() == null ? null : r.place().building(), r.place() == null ? null : r.place().unit(),
                r.place() == null ? null : r.place().area(), r.place() == null ? null : r.place().address(),
                r.contact() == null ? null : r.contact().name(), r.contact() == null ? null : r.contact().email(),
                r.contact() == null ? null : r.contact().phone()}) {
            if (part != null) {
                text.append(part).append('\n');
            }
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    static final Map<ComplaintSummary, DeskComplaint> complaints = new java.util.IdentityHashMap<>();

    static ComplaintSummary summary(String subject, String description, Place place, Contact contact) {
        ComplaintRouted r = DeskTestSupport.routed("maintenance", 2, "x", "x");
        ComplaintReceived c = r.complaint();
        ComplaintRouted routed = new ComplaintRouted(r.eventId(), r.complaintId(), r.at(),
                new ComplaintReceived(c.eventId(), r.complaintId(), c.at(), Channel.WEB, "form", null, contact,
                        c.residentType(), place, subject, description, null, "zh-CN", List.of(), Map.of()),
                r.classification(), r.assignment(), r.links());
        DeskComplaint complaint = DeskComplaint.fold(r.complaintId(), List.of(routed));
        ComplaintSummary summary = complaint.summary();
        complaints.put(summary, complaint);
        return summary;
    }
}

package io.hearken.desk.board;

import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.ReturnVisitRecorded;
import io.hearken.events.ResidentType;
import io.hearken.events.Sentiment;
import io.hearken.events.SlaClock;
import io.hearken.events.Urgency;
import java.time.Instant;
import java.util.Locale;

/**
 * What the board keeps in memory of a complaint: what its queue, filters, choices and return-visit list read. The
 * events themselves (texts, attachments, the timeline) are in the board's local store ({@link ComplaintBoard}).
 * A queue search {@code q} looks in the id, the resident's words, place and contact, lower-cased ({@link #searchText()});
 * of those, only what the summary holds nowhere else is kept (the description, area and address, lower-cased). The
 * subject, the resident's name, phone and e-mail and those search words are packed in {@code texts} ({@link Texts}:
 * one string object instead of five; the ends and {@code absent} say where each part is). The strings
 * that repeat across complaints (department, category, building, unit, handler) are shared
 * ({@link String#intern()}). {@code ratedAt}, {@code resolvedAt} and {@code visitedAt} are the latest rating, resolution and
 * return visit, what the return-visit rule weighs.
 */
public record ComplaintSummary(ComplaintId id, boolean routed, String department, ComplaintStatus status,
        int priority, String category, Urgency urgency, boolean needsTriage, Sentiment sentiment,
        ResidentType customerType, String building, String unit, Instant receivedAt, String channel, Instant nextDeadline,
        SlaClock nextClock, boolean slaPaused, boolean slaWarning, boolean slaBreached,
        ComplaintEscalated.Level escalation, boolean repeat, ComplaintId duplicateOf, Instant lastActivity,
        String handlerId, String handlerName, Integer satisfaction, Instant ratedAt, Instant resolvedAt,
        Instant visitedAt, String texts, int subjectEnd, int nameEnd, int phoneEnd, int emailEnd, int placeAt,
        byte absent) {

    static ComplaintSummary of(DeskComplaint c) {
        ComplaintReceived r = c.complaint();
        var classification = c.classification();
        var contact = r == null ? null : r.contact();
        Instant ratedAt = null;
        Instant resolvedAt = null;
        Instant visitedAt = null;
        for (ComplaintEvent e : c.history()) { // in the order they happened
            if (e instanceof FeedbackGiven) {
                ratedAt = e.at();
            } else if (e instanceof ComplaintResolved) {
                resolvedAt = e.at();
            } else if (e instanceof ReturnVisitRecorded) {
                visitedAt = e.at();
            }
        }
        var place = r == null ? null : r.place();
        Texts texts = Texts.of(r == null ? null : r.subject(), contact == null ? null : contact.name(),
                contact == null ? null : contact.phone(), contact == null ? null : contact.email(),
                r == null ? null : r.description(), place == null ? null : place.area(),
                place == null ? null : place.address());
        int[] ends = texts.ends();
        return new ComplaintSummary(c.id(), c.routed(), shared(c.department()), c.status(), c.priority(),
                shared(c.category()), c.urgency(), classification != null && classification.needsTriage(),
                classification == null ? null : classification.sentiment(),
                classification == null ? null : classification.customerType(), shared(c.building()),
                place == null ? null : shared(place.unit()), r == null ? null : r.at(),
                r == null || r.channel() == null ? null : r.channel().code(), c.nextDeadline(), c.nextClock(),
                c.slaPaused(), !c.warned().isEmpty(), !c.breached().isEmpty(), c.escalation(),
                c.routing() != null && c.routing().links() != null && c.routing().links().repeat(), c.duplicateOf(),
                c.lastActivity(), shared(c.handlerId()), c.handler() == null ? null : shared(c.handler().name()),
                c.satisfaction(), ratedAt, resolvedAt, visitedAt, texts.text(), ends[0], ends[1], ends[2], ends[3],
                texts.placeAt(), texts.absent());
    }

    public boolean open() {
        return ComplaintStatus.isOpen(status);
    }

    /** Whether a queue search finds this complaint; {@code q} lower-cased, as the search text is. */
    public boolean matches(String q) {
        if (q.indexOf('\n') >= 0) { // spans fields, as the text was once one string
            return searchText().contains(q);
        }
        return idContains(q) || texts.indexOf(q, emailEnd + 1) >= 0 || contains(building, q) || contains(unit, q)
                || shownContain(q);
    }

    /** Whether the subject or contact, lower-cased as String.toLowerCase(ROOT) does, has q; without a copy. */
    private boolean shownContain(String q) {
        for (int start = 0; start + q.length() <= emailEnd; start++) {
            int i = 0;
            while (i < q.length()) {
                char c = texts.charAt(start + i);
                if (c == '\u0130' || c == '\u03A3' || Character.isSurrogate(c)) { // lower-cased by context or length
                    return texts.substring(0, emailEnd).toLowerCase(Locale.ROOT).contains(q);
                }
                if (Character.toLowerCase(c) != q.charAt(i)) {
                    break;
                }
                i++;
            }
            if (i == q.length()) {
                return true;
            }
        }
        return false;
    }

    public String subject() {
        return part(0, 0, subjectEnd);
    }

    public String residentName() {
        return part(1, subjectEnd + 1, nameEnd);
    }

    public String residentPhone() {
        return part(2, nameEnd + 1, phoneEnd);
    }

    public String residentEmail() {
        return part(3, phoneEnd + 1, emailEnd);
    }

    private String part(int bit, int start, int end) {
        return (absent & (1 << bit)) != 0 ? null : texts.substring(start, end);
    }

    /** What a queue search {@code q} looks in: the id, the resident's words, place and contact, lower-cased. */
    public String searchText() {
        StringBuilder text = new StringBuilder(id.value()).append('\n');
        append(text, subject());
        text.append(texts, emailEnd + 1, placeAt);
        append(text, building, unit);
        text.append(texts, placeAt, texts.length());
        append(text, residentName(), residentEmail(), residentPhone());
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean contains(String field, String q) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(q); // the same string when already lower
    }

    /** The id is ASCII letters, digits and dashes (its format): lower-cased without a copy. */
    private boolean idContains(String q) {
        String value = id.value();
        for (int start = 0; start + q.length() <= value.length(); start++) {
            int i = 0;
            while (i < q.length() && asciiLower(value.charAt(start + i)) == q.charAt(i)) {
                i++;
            }
            if (i == q.length()) {
                return true;
            }
        }
        return false;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static String shared(String value) {
        return value == null ? null : value.intern();
    }

    private static void append(StringBuilder text, String... parts) {
        for (String part : parts) {
            if (part != null) {
                text.append(part).append('\n');
            }
        }
    }
}

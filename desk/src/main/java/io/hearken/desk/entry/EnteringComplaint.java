package io.hearken.desk.entry;

import io.hearken.desk.actions.DeskProblem;
import io.hearken.desk.actions.PublishingEvents;
import io.hearken.desk.board.ComplaintBoard;
import io.hearken.desk.board.DeskComplaint;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.staff.StaffPerson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A complaint a staff member enters for a resident (walk-in, letter, patrol, phone, notice board): one
 * {@link ComplaintReceived} on {@code intake.desk} with the staff member as {@code by}, answered once Kafka has it.
 * From there it is any complaint: the router classifies and routes it, the notifier acknowledges it to the resident's
 * e-mail, analytics counts it under its channel. With an {@code Idempotency-Key} the tracking id and the event id are
 * derived from the person and the key, so a retry (even after a restart) names the same complaint and publishes
 * nothing new; the same key with other content is refused (422), as the web API does.
 */
@Service
public class EnteringComplaint {

    /** What the staff member wrote down. Blank strings count as absent. */
    public record Entry(Channel channel, String name, String email, String phone, ResidentType residentType,
            String building, String unit, String area, String subject, String description, String categoryHint,
            String language) {
    }

    /** {@code created}: false for a retry answered like the first attempt. */
    public record Entered(String id, String eventId, String channel, boolean created) {
    }

    private static final int REMEMBERED = 10_000;
    private static final int ATTEMPTS = 8;

    private final ComplaintBoard board;
    private final PublishingEvents publishing;
    private final Clock clock = Clock.systemUTC();
    /** Recent entries by source, for the seconds before the router has routed them onto the board. */
    private final Map<String, Remembered> recent = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > REMEMBERED;
        }
    };

    private record Remembered(Entered entered, String contentHash) {
    }

    EnteringComplaint(ComplaintBoard board, PublishingEvents publishing) {
        this.board = board;
        this.publishing = publishing;
    }

    public Entered enter(StaffPerson person, Entry entry, String idempotencyKey) {
        if (entry.channel() == null || !entry.channel().enteredByStaff()) {
            throw DeskProblem.invalid("problem.bad-channel");
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 200) {
            throw DeskProblem.invalid("problem.key-too-long");
        }
        String hash = hash(entry);
        String eventId = key == null ? Events.newId() : Events.idFrom("desk-entry", person.id(), key);
        String sourceRef = "desk:" + person.id() + ":" + (key == null ? eventId : key);
        synchronized (recent) {
            Remembered seen = recent.get(sourceRef);
            if (seen != null) {
                return replay(seen.entered(), seen.contentHash(), hash);
            }
            ComplaintId id = null;
            for (int attempt = 0; attempt < ATTEMPTS && id == null; attempt++) {
                ComplaintId candidate = key == null ? TrackingIds.next()
                        : TrackingIds.fromBits(UUID.fromString(Events.idFrom("desk-entry-id", person.id(), key,
                                String.valueOf(attempt))).getMostSignificantBits());
                Optional<DeskComplaint> taken = board.find(candidate);
                if (taken.isEmpty()) {
                    id = candidate;
                } else if (sourceRef.equals(taken.get().complaint().sourceRef())) {
                    // Entered before (and already routed): the same answer, whoever's queue it is in now.
                    Entered before = new Entered(candidate.value(), taken.get().complaint().eventId(),
                            entry.channel().code(), false);
                    return replay(before, taken.get().complaint().details().get("entryHash"), hash);
                }
            }
            if (id == null) {
                throw DeskProblem.unavailable(); // eight ids taken in a row: never in practice
            }
            ComplaintReceived event = new ComplaintReceived(eventId, id, clock.instant(), entry.channel(), "desk",
                    sourceRef, contact(entry), entry.residentType() == null ? ResidentType.UNKNOWN : entry.residentType(),
                    new Place(blankToNull(entry.building()), blankToNull(entry.unit()), blankToNull(entry.area()), null,
                            null, null),
                    blankToNull(entry.subject()), entry.description().strip(), blankToNull(entry.categoryHint()),
                    language(entry.language()), java.util.List.of(),
                    Map.of("enteredBy", person.id(), "entryHash", hash), person.actor());
            publishing.publish(Topics.INTAKE_DESK, event, "entry");
            Entered entered = new Entered(id.value(), eventId, entry.channel().code(), true);
            recent.put(sourceRef, new Remembered(entered, hash));
            return entered;
        }
    }

    private static Entered replay(Entered first, String firstHash, String hash) {
        if (firstHash != null && !firstHash.equals(hash)) {
            throw DeskProblem.unprocessable("problem.key-reused");
        }
        return new Entered(first.id(), first.eventId(), first.channel(), false);
    }

    private static Contact contact(Entry e) {
        String name = blankToNull(e.name());
        String email = blankToNull(e.email());
        String phone = blankToNull(e.phone());
        return name == null && email == null && phone == null ? null : new Contact(name, email, phone);
    }

    /** The resident's language (their mails and pages): zh-CN unless English is asked for. */
    private static String language(String asked) {
        return asked != null && asked.strip().toLowerCase(java.util.Locale.ROOT).startsWith("en") ? "en" : "zh-CN";
    }

    private static String hash(Entry e) {
        String content = String.join("\u001f", String.valueOf(e.channel()), n(e.name()), n(e.email()), n(e.phone()),
                String.valueOf(e.residentType()), n(e.building()), n(e.unit()), n(e.area()), n(e.subject()),
                n(e.description()), n(e.categoryHint()), n(e.language()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }

    private static String n(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

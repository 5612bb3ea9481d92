package io.hearken.desk.board;

import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Contact;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.Sentiment;
import io.hearken.events.SlaClock;
import io.hearken.events.Urgency;
import io.hearken.events.kafka.SealedJson;
import io.hearken.events.privacy.Sealing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A {@link ComplaintSummary} as the board stores it: first its fields that are not the resident's, in the clear and
 * in binary ({@link SummaryFields}: a queue reads thousands of them back); then the resident's (subject,
 * description, contact, unit, area, address) as the complaint they sent, sealed like every
 * {@code complaint-received} under the complaint's data key, so an erasure shreds it in the files too.
 */
final class StoredSummary {

    private static final byte VERSION = 1;

    private StoredSummary() {
    }

    /** {@code received}: the complaint the summary was made of (null when the board has not seen it). */
    static byte[] write(Sealing sealing, ComplaintSummary s, ComplaintReceived received) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            SummaryFields.write(out, s);
            if (received != null) {
                Place p = received.place();
                out.write(SealedJson.write(sealing, new ComplaintReceived(null, s.id(), null, null, null, null,
                        received.contact(), null, p == null ? null : new Place(null, p.unit(), p.area(), p.address(),
                                null, null), received.subject(), received.description(), null, null, List.of(), Map.of(),
                        null)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The summary again; the resident's part absent where their key was destroyed, or without {@code sealing}. */
    static ComplaintSummary read(Sealing sealing, ComplaintId id, byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            if (in.readByte() != VERSION) {
                throw new IllegalStateException("a summary of another version: " + id);
            }
            SummaryFields f = SummaryFields.read(in);
            int rest = in.available();
            ComplaintReceived resident = rest == 0 || sealing == null ? null : SealedJson.read(sealing,
                    java.util.Arrays.copyOfRange(value, value.length - rest, value.length), ComplaintReceived.class);
            Contact contact = resident == null ? null : resident.contact();
            Place place = resident == null ? null : resident.place();
            Texts texts = Texts.of(resident == null ? null : resident.subject(), contact == null ? null : contact.name(),
                    contact == null ? null : contact.phone(), contact == null ? null : contact.email(),
                    resident == null ? null : resident.description(), place == null ? null : place.area(),
                    place == null ? null : place.address());
            int[] ends = texts.ends();
            return new ComplaintSummary(id, f.routed(), f.department(), f.status(), f.priority(), f.category(),
                    f.urgency(), f.needsTriage(), f.sentiment(), f.customerType(), f.building(),
                    place == null ? null : place.unit(), f.receivedAt(), f.channel(), f.nextDeadline(), f.nextClock(),
                    f.slaPaused(), f.slaWarning(), f.slaBreached(), f.escalation(), f.repeat(), f.duplicateOf(),
                    f.lastActivity(), f.handlerId(), f.handlerName(), f.satisfaction(), f.ratedAt(), f.resolvedAt(),
                    f.visitedAt(), texts.text(), ends[0], ends[1], ends[2], ends[3], texts.placeAt(), texts.absent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields of a summary that are not the resident's. */
    record SummaryFields(boolean routed, String department, ComplaintStatus status, int priority, String category,
            Urgency urgency, boolean needsTriage, Sentiment sentiment, ResidentType customerType, String building,
            java.time.Instant receivedAt, String channel, java.time.Instant nextDeadline, SlaClock nextClock,
            boolean slaPaused, boolean slaWarning, boolean slaBreached, ComplaintEscalated.Level escalation,
            boolean repeat, ComplaintId duplicateOf, java.time.Instant lastActivity, String handlerId,
            String handlerName, Integer satisfaction, java.time.Instant ratedAt, java.time.Instant resolvedAt,
            java.time.Instant visitedAt) {

        static void write(DataOutputStream out, ComplaintSummary s) throws IOException {
            out.writeByte((s.routed() ? 1 : 0) | (s.needsTriage() ? 2 : 0) | (s.slaPaused() ? 4 : 0)
                    | (s.slaWarning() ? 8 : 0) | (s.slaBreached() ? 16 : 0) | (s.repeat() ? 32 : 0));
            out.writeInt(s.priority());
            out.writeInt(s.satisfaction() == null ? Integer.MIN_VALUE : s.satisfaction());
            Binary.enums(out, s.status(), s.urgency(), s.sentiment(), s.customerType(), s.nextClock(), s.escalation());
            Binary.strings(out, s.department(), s.category(), s.building(), s.channel(), s.handlerId(),
                    s.handlerName(), s.duplicateOf() == null ? null : s.duplicateOf().value());
            Binary.instants(out, s.receivedAt(), s.nextDeadline(), s.lastActivity(), s.ratedAt(), s.resolvedAt(),
                    s.visitedAt());
        }

        static SummaryFields read(DataInputStream in) throws IOException {
            int flags = in.readByte();
            int priority = in.readInt();
            int satisfaction = in.readInt();
            ComplaintStatus status = Binary.readEnum(in, ComplaintStatus.class);
            Urgency urgency = Binary.readEnum(in, Urgency.class);
            Sentiment sentiment = Binary.readEnum(in, Sentiment.class);
            ResidentType customerType = Binary.readEnum(in, ResidentType.class);
            SlaClock nextClock = Binary.readEnum(in, SlaClock.class);
            ComplaintEscalated.Level escalation = Binary.readEnum(in, ComplaintEscalated.Level.class);
            String department = Binary.readString(in);
            String category = Binary.readString(in);
            String building = Binary.readString(in);
            String channel = Binary.readString(in);
            String handlerId = Binary.readString(in);
            String handlerName = Binary.readString(in);
            String duplicateOf = Binary.readString(in);
            return new SummaryFields((flags & 1) != 0, department, status, priority, category, urgency,
                    (flags & 2) != 0, sentiment, customerType, building, Binary.readInstant(in), channel,
                    Binary.readInstant(in), nextClock, (flags & 4) != 0, (flags & 8) != 0, (flags & 16) != 0,
                    escalation, (flags & 32) != 0, duplicateOf == null ? null : new ComplaintId(duplicateOf),
                    Binary.readInstant(in), handlerId, handlerName,
                    satisfaction == Integer.MIN_VALUE ? null : satisfaction, Binary.readInstant(in),
                    Binary.readInstant(in), Binary.readInstant(in));
        }
    }
}

package io.hearken.analytics.indexing;

import io.hearken.events.ClassificationCorrected;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.privacy.FreeTextMasking;
import io.hearken.events.privacy.PersonalData;
import java.util.Map;
import java.util.Objects;

/**
 * The complaint and its routing in {@link ComplaintProjection}: what the resident wrote (masked) and where,
 * the latest routing decision, and a supervisor's correction of category and urgency, which a routing made
 * before it cannot undo.
 */
final class RoutingFold {

    private final PersonalData personalData;

    RoutingFold(PersonalData personalData) {
        this.personalData = personalData;
    }

    void received(ComplaintDocument doc, ComplaintReceived r) {
        doc.receivedAt = ComplaintProjection.min(doc.receivedAt, r.at());
        doc.channel = r.channel() == null ? doc.channel : r.channel().name();
        doc.via = r.via();
        doc.residentType = r.residentType() == null ? doc.residentType : r.residentType().name();
        // What a resident writes may hold a phone number, an ID-card number, a plate or their name: masked here,
        // so it never reaches the index in clear.
        String name = r.contact() == null ? null : r.contact().name();
        doc.subject = ResidentWords.mask(r.subject(), name);
        doc.description = ResidentWords.mask(r.description(), name);
        doc.language = r.language();
        doc.categoryHint = r.categoryHint();
        if (r.place() != null) {
            doc.building = FreeTextMasking.mask(r.place().building());
            doc.unit = FreeTextMasking.mask(r.place().unit());
            doc.area = FreeTextMasking.mask(r.place().area());
            if (r.place().latitude() != null && r.place().longitude() != null) {
                doc.location = Map.of("lat", r.place().latitude(), "lon", r.place().longitude());
            }
        }
        if (r.contact() != null) {
            // Only the keyed hash, for linking a resident's complaints: no name, no partial address or number
            // beside it (a mask with 7 of 11 digits next to the hash lets the pepper's holder find the number
            // in 10^4 tries), and nothing reads one from the index.
            var c = r.contact();
            doc.contactHash = personalData.hash(c.hasEmail() ? c.email() : c.phone());
        }
    }

    /** A supervisor's correction counts at once (the router's routing with the same values follows). */
    static void corrected(ComplaintDocument doc, ClassificationCorrected c) {
        if (doc.routedAt != null && c.at().isBefore(doc.routedAt)) {
            return; // a later routing already carries the classification as it stands
        }
        doc.category = c.toCategory() == null ? doc.category : c.toCategory();
        doc.urgency = c.toUrgency() == null ? doc.urgency : c.toUrgency().name();
        doc.needsTriage = false;
        doc.confidence = 1.0;
        doc.classificationCorrectedAt = ComplaintProjection.max(doc.classificationCorrectedAt, c.at());
    }

    void routed(ComplaintDocument doc, ComplaintRouted r) {
        if (r.complaint() != null) {
            received(doc, r.complaint());
        }
        // Only the latest routing decides where the complaint is; a redelivered older one does not.
        if (doc.routedAt != null && r.at().isBefore(doc.routedAt)) {
            return;
        }
        doc.routedAt = r.at();
        boolean corrected = doc.classificationCorrectedAt != null && r.at().isBefore(doc.classificationCorrectedAt);
        if (r.classification() != null && !corrected) {
            doc.category = r.classification().category();
            doc.urgency = r.classification().urgency() == null ? null : r.classification().urgency().name();
            doc.needsTriage = r.classification().needsTriage();
            doc.confidence = r.classification().confidence();
            var c = r.classification();
            doc.sentiment = c.sentiment() == null ? doc.sentiment : c.sentiment().name();
            doc.customerType = c.customerType() == null ? doc.customerType : c.customerType().name();
        }
        if (r.assignment() != null) {
            var a = r.assignment();
            doc.department = a.department();
            doc.priority = a.priority();
            doc.firstResponseDue = a.firstResponseDue();
            doc.resolutionDue = a.resolutionDue();
        }
        if (r.links() != null) {
            doc.repeat = r.links().repeat() || Boolean.TRUE.equals(doc.repeat);
            doc.relatedTo = r.links().relatedTo() == null ? doc.relatedTo : r.links().relatedTo().value();
            if (r.links().repeatOf() != null) {
                r.links().repeatOf().stream().filter(Objects::nonNull).map(Object::toString)
                        .filter(id -> !doc.repeatOf.contains(id)).forEach(doc.repeatOf::add);
            }
        }
    }
}

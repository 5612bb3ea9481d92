package io.hearken.intake.email.intake;

import io.hearken.readmodel.ComplaintLookup;
import io.hearken.readmodel.ComplaintView;
import io.hearken.events.ComplaintId;
import io.hearken.events.MailThreading;
import io.hearken.events.privacy.PersonalData;
import io.hearken.intake.email.mime.ReadMail;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Decides whether a mail continues an existing complaint, and whether its sender may add to it. Neither our
 * thread Message-IDs (built from the public tracking id) nor a tracking id in the subject prove anything by
 * themselves (anyone can type one, cf. Zammad #5064): a follow-up counts only when the sender is the complaint's
 * own contact, checked against the read model's contact hash. A reply in one of our threads from anyone else is
 * reported as such ({@code fromContact == false}), to be quarantined for a person to confirm.
 */
final class FollowUps {

    record Match(ComplaintId id, String matchedBy, boolean fromContact) {
    }

    private final String domain;
    private final ComplaintLookup lookup;
    private final PersonalData personalData;

    FollowUps(String domain, ComplaintLookup lookup, PersonalData personalData) {
        this.domain = domain;
        this.lookup = lookup;
        this.personalData = personalData;
    }

    /** @throws TemporaryFailure when the read model cannot be asked now */
    Optional<Match> match(ReadMail mail) {
        String threadHeaders = (mail.inReplyTo() == null ? "" : mail.inReplyTo()) + " "
                + (mail.references() == null ? "" : mail.references());
        Optional<ComplaintId> threaded = MailThreading.complaintIdFromReferences(threadHeaders, domain);
        if (threaded.isPresent()) {
            // Unknown to the read model: not one of ours (or forged), so it is no follow-up of anything.
            return find(threaded.get()).map(v -> new Match(threaded.get(), "thread-headers", isContact(v, mail)));
        }
        Optional<ComplaintId> mentioned = mentionedId(mail);
        if (mentioned.isEmpty()) {
            return Optional.empty();
        }
        // A typed id from someone else is just a new complaint that mentions it.
        return find(mentioned.get()).filter(v -> isContact(v, mail))
                .map(v -> new Match(mentioned.get(), "tracking-id-and-sender", true));
    }

    private Optional<ComplaintView> find(ComplaintId id) {
        try {
            return lookup.find(id);
        } catch (RuntimeException e) {
            throw new TemporaryFailure("cannot check the sender of a reply to " + id + ": " + e.getMessage(), e);
        }
    }

    private boolean isContact(ComplaintView complaint, ReadMail mail) {
        String senderHash = personalData.hash(mail.fromAddress());
        return complaint.contactHash() != null && complaint.contactHash().equals(senderHash);
    }

    /** {@code [HK-XXXX-XXXX]} (or the bare id) in the subject. */
    static Optional<ComplaintId> mentionedId(ReadMail mail) {
        Matcher m = io.hearken.events.ComplaintId.IN_TEXT.matcher(mail.subject().toUpperCase(java.util.Locale.ROOT));
        return m.find() ? Optional.of(ComplaintId.of(m.group())) : Optional.empty();
    }
}

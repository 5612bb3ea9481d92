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
 * Decides whether a mail continues an existing complaint. Thread headers naming one of our Message-IDs
 * prove it; a tracking id in the subject alone does not (anyone can type one, cf. Zammad #5064): it counts
 * only when the sender is the complaint's own contact, checked against the read model's contact hash.
 */
final class FollowUps {

    record Match(ComplaintId id, String matchedBy) {
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
            return Optional.of(new Match(threaded.get(), "thread-headers"));
        }
        Optional<ComplaintId> mentioned = mentionedId(mail);
        if (mentioned.isEmpty()) {
            return Optional.empty();
        }
        Optional<ComplaintView> view;
        try {
            view = lookup.find(mentioned.get());
        } catch (RuntimeException e) {
            throw new TemporaryFailure("cannot check the sender of a reply to " + mentioned.get() + ": " + e.getMessage(), e);
        }
        String senderHash = personalData.hash(mail.fromAddress());
        return view.filter(v -> v.contactHash() != null && v.contactHash().equals(senderHash))
                .map(v -> new Match(mentioned.get(), "tracking-id-and-sender"));
    }

    /** {@code [HK-XXXX-XXXX]} (or the bare id) in the subject. */
    static Optional<ComplaintId> mentionedId(ReadMail mail) {
        Matcher m = io.hearken.events.ComplaintId.IN_TEXT.matcher(mail.subject().toUpperCase(java.util.Locale.ROOT));
        return m.find() ? Optional.of(ComplaintId.of(m.group())) : Optional.empty();
    }
}

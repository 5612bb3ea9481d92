package io.hearken.notifier.sms;

import io.hearken.events.ComplaintId;
import io.hearken.notifier.complaints.ComplaintDirectory;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * For staff who heard a resident ask for no more text messages (a reply STOP / 退订, a call): {@code POST opt-out}
 * with the number, or with the complaint id so the number need not be seen; {@code POST opt-in} takes it back.
 * Only the contact hash is stored and answered.
 */
@RestController("notifierSmsOptOutApi")
@RequestMapping("/api/v1/notifier/sms")
class SmsOptOutApi {

    /** {@code phone} or {@code complaintId}. */
    record Request(String phone, String complaintId) {
    }

    record Answer(String contactHash, boolean optedOut) {
    }

    private final SmsOptOuts optOuts;
    private final ComplaintDirectory directory;

    SmsOptOutApi(SmsOptOuts optOuts, ComplaintDirectory directory) {
        this.optOuts = optOuts;
        this.directory = directory;
    }

    @PostMapping("/opt-out")
    Answer optOut(@RequestBody Request request, Principal who) {
        return new Answer(optOuts.optOut(phone(request), who == null ? "staff" : who.getName()), true);
    }

    @PostMapping("/opt-in")
    Answer optIn(@RequestBody Request request) {
        String hash = optOuts.optIn(phone(request));
        return new Answer(hash, optOuts.configured(hash));
    }

    private String phone(Request request) {
        if (request.phone() != null && !request.phone().isBlank()) {
            if (optOuts.hashOf(request.phone()) == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a phone number");
            }
            return request.phone();
        }
        if (request.complaintId() == null || request.complaintId().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give phone or complaintId");
        }
        ComplaintId id;
        try {
            id = ComplaintId.of(request.complaintId().strip());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a tracking id");
        }
        return directory.find(id).map(f -> f.contact().phone()).filter(p -> p != null && !p.isBlank())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no phone number known for " + id));
    }
}

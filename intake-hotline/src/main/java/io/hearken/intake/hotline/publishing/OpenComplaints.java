package io.hearken.intake.hotline.publishing;

import io.hearken.events.privacy.PersonalData;
import io.hearken.readmodel.OpenComplaintsOfContact;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Finds the open complaints of callers' numbers in the read model: the number's keyed hash is what the
 * {@code complaints} index holds. One query per chunk of calls, not one per call.
 */
@Component
class OpenComplaints {

    private final OpenComplaintsOfContact readModel;
    private final PersonalData personalData;

    OpenComplaints(OpenComplaintsOfContact readModel, PersonalData personalData) {
        this.readModel = readModel;
        this.personalData = personalData;
    }

    String hash(String phone) {
        return personalData.hash(phone);
    }

    /** Contact hash → the open complaints with it, newest first, for the given phone numbers. */
    Map<String, List<SameMatter.Candidate>> byPhone(Collection<String> phones) {
        Set<String> hashes = phones.stream().filter(Objects::nonNull).map(personalData::hash).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, List<SameMatter.Candidate>> open = new HashMap<>();
        readModel.byContactHash(hashes).forEach((hash, complaints) -> open.put(hash, complaints.stream()
                .map(c -> new SameMatter.Candidate(c.id(), c.channel(), c.building(), c.categoryHint())).toList()));
        return open;
    }
}

package io.hearken.intake.hotline.publishing;

import io.hearken.events.ComplaintId;
import io.hearken.intake.hotline.call.Call;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a call from the number of an open complaint is about that complaint. A wrong "yes" would bury a
 * new problem in an old case (the right department might never see it); a wrong "no" only makes a second
 * complaint that the router links as a repeat. So a call is taken as a follow-up unless it contradicts the
 * complaint: another building, or (when both came from the call centre, so both categories are the agents'
 * words) another category. Pure: no Kafka, no Elasticsearch.
 */
final class SameMatter {

    private static final Pattern NUMBERED_BUILDING = Pattern.compile(
            "(?i)(?:building|bldg\\.?|block)\\s*(\\w+)|(\\w+?)\\s*(?:号楼|栋|幢|座|号宿舍楼)");

    /** An open complaint of the caller's number, as far as it matters here. */
    record Candidate(ComplaintId id, String channel, String building, String categoryHint) {
    }

    private SameMatter() {
    }

    /** The newest candidate (candidates come newest first) the call does not contradict. */
    static Optional<Candidate> of(Call call, List<Candidate> candidates) {
        return candidates.stream().filter(c -> !contradicts(call, c)).findFirst();
    }

    static boolean contradicts(Call call, Candidate c) {
        String building = CallEvents.buildingOf(call.location());
        if (building != null && c.building() != null && !buildingKey(building).equals(buildingKey(c.building()))) {
            return true;
        }
        return call.category() != null && c.categoryHint() != null && "HOTLINE".equalsIgnoreCase(c.channel())
                && !normal(call.category()).equals(normal(c.categoryHint()));
    }

    /** {@code 7栋}, {@code 7号楼} and {@code Building 7} are one building. */
    static String buildingKey(String building) {
        Matcher m = NUMBERED_BUILDING.matcher(building.strip());
        if (m.matches()) {
            return normal(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return normal(building);
    }

    private static String normal(String s) {
        return s.strip().replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}

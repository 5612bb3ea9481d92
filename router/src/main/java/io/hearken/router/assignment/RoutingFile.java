package io.hearken.router.assignment;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.hearken.events.ResidentType;
import io.hearken.events.Topics;
import io.hearken.events.Urgency;
import java.util.List;

/**
 * The shape of {@code routing.yml} (docs/router.md, "Routing table"); each condition is a value or a list. Resident
 * types and urgencies are checked against their names, so a misspelt one is refused rather than never matching.
 */
record RoutingFile(@JsonProperty("default-department") String defaultDepartment, List<Entry> rules) {

    RoutingFile {
        defaultDepartment = defaultDepartment == null ? "customer-service" : defaultDepartment.strip();
        try {
            Topics.assignments(defaultDepartment);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("default-department: " + e.getMessage(), e);
        }
        rules = rules == null ? List.of() : rules;
    }

    record Entry(String name,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> category,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> building,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> area,
            @JsonProperty("resident-type") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            List<ResidentType> residentType,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Urgency> urgency,
            @JsonProperty("out-of-hours") Boolean outOfHours,
            String department) {

        Entry {
            if (department == null || department.isBlank()) {
                throw new IllegalArgumentException("a rule needs a 'department' (the queue its complaints go to)");
            }
            department = department.strip();
            Topics.assignments(department);
        }
    }
}

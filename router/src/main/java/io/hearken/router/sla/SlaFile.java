package io.hearken.router.sla;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hearken.events.Urgency;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shape of {@code sla.yml} (docs/router.md, "SLA and escalation"); what is left out keeps its default. */
record SlaFile(@JsonProperty("business-hours") Hours businessHours, @JsonProperty("warn-at") Double warnAt,
        Map<Urgency, Target> urgency, Map<String, Map<Urgency, Target>> categories) {

    SlaFile {
        if (warnAt != null && (warnAt <= 0 || warnAt >= 1)) {
            throw new IllegalArgumentException("warn-at must be between 0 and 1 (e.g. 0.8), not " + warnAt);
        }
        urgency = urgency == null ? Map.of() : urgency;
        categories = categories == null ? Map.of() : categories;
    }

    /** A deadline; each part left out is the one of the level above (the urgency's, then the built-in one). */
    record Target(@JsonProperty("first-response") Duration firstResponse, Duration resolution,
            @JsonProperty("business-hours") Boolean businessHours) {

        SlaPolicy.Target over(SlaPolicy.Target base) {
            return new SlaPolicy.Target(firstResponse != null ? firstResponse : base.firstResponse(),
                    resolution != null ? resolution : base.resolution(),
                    businessHours != null ? businessHours : base.businessHours());
        }
    }

    record Hours(ZoneId zone, List<DayOfWeek> days, LocalTime start, LocalTime end, List<LocalDate> holidays) {

        Hours {
            zone = zone != null ? zone : ZoneId.of("Asia/Shanghai");
            days = days != null ? days
                    : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
            start = start != null ? start : LocalTime.of(9, 0);
            end = end != null ? end : LocalTime.of(18, 0);
            holidays = holidays != null ? holidays : List.of();
            calendar(zone, start, end, days, holidays); // refuses start >= end or no working day here, at the file's line
        }

        BusinessCalendar calendar() {
            return calendar(zone, start, end, days, holidays);
        }

        private static BusinessCalendar calendar(ZoneId zone, LocalTime start, LocalTime end, List<DayOfWeek> days,
                List<LocalDate> holidays) {
            return BusinessCalendar.office(zone, start, end, Set.copyOf(days), Set.copyOf(holidays));
        }
    }
}

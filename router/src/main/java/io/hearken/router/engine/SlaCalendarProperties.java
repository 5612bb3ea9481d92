package io.hearken.router.engine;

import java.nio.file.Path;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearken.router.sla-calendar.*}: the yearly holiday files of the SLA clock (docs/router.md, "SLA calendar").
 *
 * @param dir an operator folder of {@code <year>.yml} files that add years or replace the shipped ones
 * @param nextYearFrom from this day of the year ({@code MM-dd}) a missing file for next year is a health warning
 */
@ConfigurationProperties("hearken.router.sla-calendar")
public record SlaCalendarProperties(Path dir, @DefaultValue("10-01") String nextYearFrom) {

    public SlaCalendarProperties {
        try {
            MonthDay.parse("--" + nextYearFrom);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("hearken.router.sla-calendar.next-year-from must be MM-dd (e.g. 10-01), not '"
                    + nextYearFrom + "'");
        }
    }

    public MonthDay nextYearFromDay() {
        return MonthDay.parse("--" + nextYearFrom);
    }
}

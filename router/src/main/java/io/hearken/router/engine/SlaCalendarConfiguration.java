package io.hearken.router.engine;

import io.hearken.router.sla.CalendarFileException;
import io.hearken.router.sla.HolidayCalendar;
import io.hearken.router.sla.HolidayFile;
import io.hearken.router.sla.HolidayFolder;
import io.hearken.router.sla.HolidayYear;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The SLA clock's holiday years: the shipped files (one per year, State Council notices), then the operator's
 * folder, whose years replace them. An invalid file stops the start ({@link SlaCalendarFailureAnalyzer}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaCalendarProperties.class)
class SlaCalendarConfiguration {

    static final String SHIPPED = "io/hearken/router/sla/calendar/";

    private static final Logger log = LoggerFactory.getLogger(SlaCalendarConfiguration.class);

    @Bean
    HolidayCalendar routerHolidayCalendar(SlaCalendarProperties properties) {
        HolidayCalendar calendar = HolidayCalendar.of(shipped());
        if (properties.dir() != null) {
            calendar = calendar.overriddenBy(HolidayFolder.read(properties.dir()));
        }
        log.info("SLA calendar: holiday files for {}", calendar.years().keySet());
        return calendar;
    }

    private static List<HolidayYear> shipped() {
        List<HolidayYear> years = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + SHIPPED + "*.yml")) {
                try (InputStream in = r.getInputStream()) {
                    years.add(HolidayFile.read(in, "classpath:" + SHIPPED + r.getFilename()));
                } catch (CalendarFileException e) {
                    problems.addAll(e.problems());
                }
            }
        } catch (IOException e) {
            problems.add("classpath:" + SHIPPED + ": cannot list the shipped calendar files: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new CalendarFileException(problems);
        }
        return years;
    }
}

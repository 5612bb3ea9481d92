package io.hearken.events.config;

import io.hearken.events.ReturnVisitRule;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hearken.desk.return-visits.*}: the office's return-visit rule ({@link ReturnVisitRule}, defaults there),
 * bound once for the desk and analytics alike (each enables it; in the all-in-one they share the one bean).
 */
@ConfigurationProperties("hearken.desk.return-visits")
public record ReturnVisitProperties(Integer lowScore, Boolean urgent, Duration dueWithin, Set<String> categories) {

    public ReturnVisitRule rule() {
        return new ReturnVisitRule(lowScore, urgent, dueWithin, categories);
    }
}

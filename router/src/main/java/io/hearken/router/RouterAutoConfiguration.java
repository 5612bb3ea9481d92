package io.hearken.router;

import java.time.Clock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** Everything in {@code io.hearken.router}. */
@AutoConfiguration
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
public class RouterAutoConfiguration {

    /** The router's time (routing timestamps, the SLA clock); tests replace it with one they can move. */
    @Bean
    @ConditionalOnMissingBean(name = "routerClock")
    Clock routerClock() {
        return Clock.systemUTC();
    }
}

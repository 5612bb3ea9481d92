package io.hearken.intake.email;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** Everything in {@code io.hearken.intake.email}. */
@AutoConfiguration
@EnableConfigurationProperties(EmailIntakeProperties.class)
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
public class EmailIntakeAutoConfiguration {
}

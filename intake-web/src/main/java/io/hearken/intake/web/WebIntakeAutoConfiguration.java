package io.hearken.intake.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.PropertySource;

/**
 * Everything in {@code io.hearken.intake.web}. The multipart defaults (10 MB a file, five files) sit at the
 * lowest precedence, so an application.yml still overrides them.
 */
@AutoConfiguration
@EnableConfigurationProperties(WebIntakeProperties.class)
@PropertySource("classpath:io/hearken/intake/web/web-defaults.properties")
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
public class WebIntakeAutoConfiguration {
}

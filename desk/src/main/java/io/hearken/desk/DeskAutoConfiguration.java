package io.hearken.desk;

import io.hearken.desk.i18n.DeskLocaleFilter;
import io.hearken.events.store.LocalStateProperties;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** Everything in {@code io.hearken.desk}. Its texts ({@code i18n/desk}) are in the application's one message source. */
@AutoConfiguration
@EnableConfigurationProperties({DeskProperties.class, LocalStateProperties.class})
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
public class DeskAutoConfiguration {

    @Bean
    FilterRegistrationBean<DeskLocaleFilter> deskLocaleFilter() {
        FilterRegistrationBean<DeskLocaleFilter> registration = new FilterRegistrationBean<>(new DeskLocaleFilter());
        registration.addUrlPatterns("/desk", "/desk/*", "/login", "/api/v1/desk/*");
        registration.setOrder(0); // after Spring Security (-100): the person is known
        return registration;
    }
}

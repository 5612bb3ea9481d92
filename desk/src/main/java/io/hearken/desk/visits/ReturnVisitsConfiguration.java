package io.hearken.desk.visits;

import io.hearken.events.config.ReturnVisitProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** {@code hearken.desk.return-visits.*}: the office's rule of which complaints get a return visit, and when. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReturnVisitProperties.class)
class ReturnVisitsConfiguration {
}

package io.hearken.desk.visits;

import io.hearken.events.ReturnVisitRule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** {@code hearken.desk.return-visits.*}: the office's rule of which complaints get a return visit, and when. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReturnVisitRule.class)
class ReturnVisitsConfiguration {
}

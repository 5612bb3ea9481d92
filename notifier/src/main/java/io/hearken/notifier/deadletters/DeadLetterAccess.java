package io.hearken.notifier.deadletters;

import io.hearken.staff.StaffEndpoints;
import io.hearken.staff.StaffRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dead-letter list and replay are an operator's tool: managers only (staff-access). Recording a resident's SMS
 * opt-out is for any signed-in staff (whoever took the call); that rule comes first, as the first match wins.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterAccess {

    @Bean
    StaffEndpoints notifierEndpoints() {
        return StaffEndpoints.of("notifier").require(StaffRole.STAFF, "/api/v1/notifier/sms/**")
                .require(StaffRole.MANAGER, "/api/v1/notifier/**");
    }
}

package io.hearken.notifier.deadletters;

import io.hearken.staff.StaffEndpoints;
import io.hearken.staff.StaffRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dead-letter list and replay are an operator's tool: managers only (staff-access). */
@Configuration(proxyBeanMethods = false)
class DeadLetterAccess {

    @Bean
    StaffEndpoints notifierEndpoints() {
        return StaffEndpoints.of("notifier").require(StaffRole.MANAGER, "/api/v1/notifier/**");
    }
}

package io.hearken.notifier.deadletters;

import io.hearken.staff.StaffEndpoints;
import io.hearken.staff.StaffRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dead-letter list and replay are an operator's tool: managers only (staff-access). Recording a resident's SMS
 * opt-out is for any signed-in staff (whoever took the call). The gateway's reply webhook has its own owner
 * ({@code SmsAccess}), so that its API keys open nothing else.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterAccess {

    @Bean
    StaffEndpoints notifierEndpoints() {
        return StaffEndpoints.of("notifier")
                .require(StaffRole.STAFF, "/api/v1/notifier/sms/opt-out", "/api/v1/notifier/sms/opt-in")
                .require(StaffRole.MANAGER, "/api/v1/notifier/dead-letters/**");
    }
}

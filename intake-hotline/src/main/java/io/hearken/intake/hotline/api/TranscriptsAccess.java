package io.hearken.intake.hotline.api;

import io.hearken.intake.hotline.HotlineProperties;
import io.hearken.staff.StaffEndpoints;
import io.hearken.staff.StaffRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may upload transcripts (staff-access): the CTI system with a key of {@code hearken.hotline.api-keys} in
 * {@code X-Api-Key}, or a signed-in staff member (an agent uploading by hand). Nobody else: without keys and
 * without accounts the upload answers 401.
 */
@Configuration(proxyBeanMethods = false)
class TranscriptsAccess {

    @Bean
    StaffEndpoints hotlineEndpoints(HotlineProperties properties) {
        return StaffEndpoints.of("intake-hotline")
                .require(StaffRole.STAFF, HttpMethod.POST, "/api/v1/hotline/transcripts")
                .orApiKeys(properties.apiKeys());
    }
}

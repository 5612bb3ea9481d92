package io.hearken.desk.security;

import io.hearken.staff.StaffEndpoints;
import io.hearken.staff.StaffRole;
import io.hearken.staff.StaffSignInPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The desk's staff side for staff-access: the console and its API for every staff member (departments are
 * enforced per complaint by the board), and the sign-in page everyone else sends people to.
 */
@Configuration(proxyBeanMethods = false)
class DeskStaffEndpoints {

    @Bean
    StaffEndpoints deskEndpoints() {
        return StaffEndpoints.of("desk").open("/desk/assets/**").require(StaffRole.STAFF, "/desk", "/desk/**",
                "/api/v1/desk/**");
    }

    @Bean
    StaffSignInPage deskSignInPage() {
        return new StaffSignInPage("/desk");
    }
}

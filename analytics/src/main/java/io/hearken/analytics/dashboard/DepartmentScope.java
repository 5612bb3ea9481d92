package io.hearken.analytics.dashboard;

import io.hearken.staff.StaffEndpoints;
import io.hearken.staff.StaffPerson;
import io.hearken.staff.StaffRole;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;

/**
 * Who reads what here: the dashboard and its API are for supervisors and managers (staff-access guards them);
 * a supervisor sees their own departments' complaints only, a manager everyone's. Asking for another
 * department is refused ({@link OtherDepartment}, 403), asking for none means "all of mine".
 */
@Configuration(proxyBeanMethods = false)
class DepartmentScope {

    @Bean
    StaffEndpoints analyticsEndpoints() {
        // The first rule that matches decides: the training set (every department's complaints) before the rest.
        return StaffEndpoints.of("analytics").require(StaffRole.MANAGER, "/api/v1/analytics/training-export")
                .require(StaffRole.SUPERVISOR, "/dashboard/**", "/api/v1/analytics/**")
                // Erasure, export and the erasure audit: managers only (io.hearken.analytics.privacy).
                .require(StaffRole.MANAGER, "/api/v1/privacy/**");
    }

    /** The departments a query is limited to (empty: no limit, a manager's view of everything). */
    static Set<String> of(Authentication auth, String requested) {
        StaffPerson person = StaffPerson.of(auth);
        String department = requested == null || requested.isBlank() ? null : requested.strip();
        if (department == null) {
            return person.visibleDepartments();
        }
        if (!person.sees(department)) {
            throw new OtherDepartment(department);
        }
        return Set.of(department);
    }

    /** A supervisor asked for a department not theirs. */
    static final class OtherDepartment extends RuntimeException {

        OtherDepartment(String department) {
            super("无权查看其他部门（" + department + "）的投诉 / you may not see another department's complaints ("
                    + department + ")", null, false, false);
        }
    }
}

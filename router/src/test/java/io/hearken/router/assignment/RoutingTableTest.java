package io.hearken.router.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.Urgency;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RoutingTableTest {

    private static RoutingTable table(String yaml) {
        return RoutingTable.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }

    private final RoutingTable table = table("""
            default-department: customer-service
            rules:
              - {name: east repairs, category: facility, area: 东区, department: maintenance-east}
              - {name: a-block cleaning, category: [environment, pests], building: [A座], department: cleaning-contractor}
              - {name: night noise, category: noise, out-of-hours: true, department: security-night}
              - {name: student fees, category: fees, resident-type: STUDENT, department: student-office}
            """);

    private RoutingTable.Route route(String category, Place place, ResidentType type, boolean outOfHours) {
        return table.route(new RoutingTable.Request(category, Urgency.NORMAL, place, type, outOfHours));
    }

    @Test
    void categoryTimesAreaOrBuilding() {
        assertThat(route("facility", new Place("5栋", "101", "东区", null, null, null), ResidentType.OWNER, false).department())
                .isEqualTo("maintenance-east");
        assertThat(route("facility", new Place("5栋", "101", "西区", null, null, null), ResidentType.OWNER, false).department())
                .isEqualTo("maintenance");
        assertThat(route("pests", Place.of("a座", "3"), ResidentType.TENANT, false))
                .isEqualTo(new RoutingTable.Route("cleaning-contractor", "routing table: a-block cleaning"));
    }

    @Test
    void outOfHoursAndResidentTypeRules() {
        assertThat(route("noise", null, ResidentType.OWNER, true).department()).isEqualTo("security-night");
        assertThat(route("noise", null, ResidentType.OWNER, false).department()).isEqualTo("security");
        assertThat(route("fees", null, ResidentType.STUDENT, false).department()).isEqualTo("student-office");
        assertThat(route("fees", null, ResidentType.OWNER, false).department()).isEqualTo("billing");
    }

    @Test
    void unknownCategoriesGoToTheDefaultDepartment() {
        assertThat(route("graffiti", null, null, false))
                .isEqualTo(new RoutingTable.Route("customer-service", "default department"));
    }

    @Test
    void theShippedTableCoversTheTaxonomyAndBadCodesAreRefused() {
        RoutingTable shipped = RoutingTable.defaults();
        assertThat(shipped.departments()).contains("maintenance", "cleaning", "security", "billing", "customer-service");
        assertThatThrownBy(() -> table("rules:\n  - {category: noise, department: Night Team}\n"))
                .hasMessageStartingWith("test.yml line 2").hasMessageContaining("'rules[1]': department code");
    }
}

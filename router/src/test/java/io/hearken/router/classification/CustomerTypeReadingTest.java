package io.hearken.router.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ResidentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerTypeReadingTest {

    private final CustomerTypeReading reading = new CustomerTypeReading(ClassificationRules.defaults());

    @Test
    void whatTheChannelSaysWins() {
        var d = reading.read(ResidentType.TENANT, Map.of(), "我是业主，楼道灯坏了");
        assertThat(d.type()).isEqualTo(ResidentType.TENANT);
        assertThat(d.reason()).isEqualTo("customer type: tenant (from the channel)");
    }

    @Test
    void anOpen311AttributeCountsWhenTheChannelSaysNothing() {
        var d = reading.read(ResidentType.UNKNOWN, Map.of("open311.service_code", "facility",
                "open311.attribute[customer_type]", "Business"), "The shop's lights are out");
        assertThat(d.type()).isEqualTo(ResidentType.BUSINESS);
        assertThat(d.reason()).isEqualTo("customer type: business (Open311 attribute)");
        assertThat(reading.read(null, Map.of("open311.attribute[resident_type]", "业主"), "x").type())
                .isEqualTo(ResidentType.OWNER);
        assertThat(reading.read(null, Map.of("open311.attribute[resident_type]", "martian"), "x").type())
                .isEqualTo(ResidentType.UNKNOWN);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            我是业主，想问一下物业费                          | OWNER
            本人是租户，热水器坏了                            | TENANT
            房东不管，屋顶漏水                                | TENANT
            我是商户，门口的路灯不亮                          | BUSINESS
            我们店门口的下水道堵了，影响营业                  | BUSINESS
            I'm a tenant in flat 12 and the fan is noisy      | TENANT
            As an owner I expect better                       | OWNER
            I run a café on the ground floor; our bin is full | BUSINESS
            Our customers can't get in, the shutter is stuck  | BUSINESS
            I was visiting my aunt and got stuck in the lift  | VISITOR
            我住在3号楼，楼道灯坏了                           | RESIDENT
            I live in Block C and the intercom crackles       | RESIDENT
            我们宿舍楼的热水没了                              | STUDENT
            楼下商户油烟太大                                  | UNKNOWN
            访客车位被占了                                    | UNKNOWN
            The tenant upstairs plays loud music              | UNKNOWN
            楼道灯坏了                                        | UNKNOWN
            """)
    void theWordingSaysItWhenTheChannelDoesNot(String text, ResidentType expected) {
        var d = reading.read(ResidentType.UNKNOWN, Map.of(), text);
        assertThat(d.type()).as(text + " " + d.reason()).isEqualTo(expected);
    }

    @Test
    void businessImpactWords() {
        assertThat(reading.businessImpact("停电了，影响营业，顾客都走了")).contains("影响营业", "顾客");
        assertThat(reading.businessImpact("停电了")).isEmpty();
    }
}

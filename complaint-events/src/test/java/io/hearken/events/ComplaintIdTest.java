package io.hearken.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComplaintIdTest {

    @Test
    void generatedIdsHaveTheReadableFormatAndNoConfusableSymbols() {
        for (int i = 0; i < 10_000; i++) {
            String id = TrackingIds.next().value();
            assertThat(id).matches(ComplaintId.FORMAT.pattern());
            assertThat(id.substring(3)).doesNotContain("0", "O", "1", "I");
        }
    }

    @Test
    void generatedIdsDoNotRepeatInALargeSample() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(TrackingIds.next().value());
        }
        // 40 random bits: the chance of any repeat among 100,000 is under 0.5 %.
        assertThat(seen).hasSizeGreaterThanOrEqualTo(99_999);
    }

    @Test
    void acceptsWhatPeopleTypeOnThePhone() {
        assertThat(ComplaintId.of(" hk 7k2m 9qxd ")).isEqualTo(new ComplaintId("HK-7K2M-9QXD"));
        assertThat(ComplaintId.of("HK7K2M9QXD").value()).isEqualTo("HK-7K2M-9QXD");
        assertThat(ComplaintId.of("hk-7k2m-9qxd").value()).isEqualTo("HK-7K2M-9QXD");
    }

    @Test
    void rejectsConfusableOrMalformedIds() {
        assertThatThrownBy(() -> ComplaintId.of("HK-7K2M-9QX0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ComplaintId.of("HK-7K2M-9QXI")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ComplaintId.of("HK-7K2M")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ComplaintId.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ComplaintId.isValid("XX-7K2M-9QXD")).isFalse();
    }

    @Test
    void findsTheIdInAMailSubject() {
        var m = ComplaintId.IN_TEXT.matcher("Re: 回复：[HK-7K2M-9QXD] 您的投诉已受理");
        assertThat(m.find()).isTrue();
        assertThat(m.group()).isEqualTo("HK-7K2M-9QXD");
    }

    @Test
    void departmentTopicNamesAreChecked() {
        assertThat(Topics.assignments("maintenance")).isEqualTo("dept.maintenance.assignments");
        assertThat("dept.maintenance.assignments").matches(Topics.ASSIGNMENTS_PATTERN);
        assertThatThrownBy(() -> Topics.assignments("Bad Dept")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Topics.intake(Channel.OPEN311)).isEqualTo(Topics.INTAKE_WEB);
        assertThat(Topics.intake(Channel.WALK_IN)).isEqualTo(Topics.INTAKE_DESK);
        assertThat(Topics.intake(Channel.NOTICE_BOARD)).isEqualTo(Topics.INTAKE_DESK);
        assertThat(Channel.ofCode("notice-board")).isEqualTo(Channel.NOTICE_BOARD);
        assertThat(Channel.ofCode("fax")).isNull();
        assertThat(Channel.PATROL.code()).isEqualTo("patrol");
        assertThat(Topics.INTAKE_WEB).matches(Topics.INTAKE_PATTERN);
        assertThat("intake.web" + Topics.DEAD_LETTER_SUFFIX).doesNotMatch(Topics.INTAKE_PATTERN);
    }
}

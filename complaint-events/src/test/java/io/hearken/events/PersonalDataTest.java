package io.hearken.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.privacy.PersonalData;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    final PersonalData personalData = new PersonalData("test-secret");

    @Test
    void theSameContactWrittenDifferentlyHashesTheSame() {
        assertThat(personalData.hash("Zhang.Wei@Example.com ")).isEqualTo(personalData.hash("zhang.wei@example.com"));
        assertThat(personalData.hash("+86 138-1234-5678")).isEqualTo(personalData.hash("13812345678"));
        assertThat(personalData.hash("13812345678")).isNotEqualTo(personalData.hash("13812345679"));
        assertThat(new PersonalData("other").hash("13812345678")).isNotEqualTo(personalData.hash("13812345678"));
        assertThat(personalData.hash("13812345678")).doesNotContain("5678").hasSize(32);
    }

    @Test
    void masksKeepJustEnoughToRecogniseOnesOwn() {
        assertThat(PersonalData.mask("zhang.wei@example.com")).isEqualTo("z***@example.com");
        assertThat(PersonalData.mask("13812345678")).isEqualTo("138****5678");
        assertThat(PersonalData.mask(null)).isNull();
    }
}

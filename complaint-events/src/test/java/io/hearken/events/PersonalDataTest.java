package io.hearken.events;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.hearken.events.privacy.PersonalData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.MatchResult;
import java.util.stream.IntStream;
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

    @Test
    void addressesInTextAreFoundWithoutTheWordsWrittenAroundThem() {
        assertThat(addresses("邮箱zhang.wei@example.com谢谢。From: Li <li.na+hk@mail.example.cn>, o'neil@x.org."))
                .containsExactly("zhang.wei@example.com", "li.na+hk@mail.example.cn", "o'neil@x.org");
        assertThat(addresses("no address @ here, nor@")).isEmpty();
    }

    @Test
    void aLongRunWithNoAtSignIsReadInOnePass() {
        // Without the look-behind and the possessive run, each of the 300,000 starts re-reads the run: minutes.
        String text = "a".repeat(300_000) + " zhang.wei@example.com " + "水".repeat(300_000);
        assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThat(addresses(text)).containsExactly("zhang.wei@example.com"));
    }

    @Test
    void threadsHashingAtOnceAllGetTheSameHashes() throws Exception {
        String expected = personalData.hash("13812345678");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> all = IntStream.range(0, 64).mapToObj(i -> pool.submit(() -> IntStream.range(0, 500)
                    .allMatch(n -> expected.equals(personalData.hash("138 1234 5678"))))).toList();
            for (Future<Boolean> each : all) {
                assertThat(each.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> addresses(String text) {
        return PersonalData.ADDRESS_IN_TEXT.matcher(text).results().map(MatchResult::group).toList();
    }
}

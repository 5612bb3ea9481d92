package io.hearken.router.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A calendar file is refused with every problem named by file and line. */
class HolidayFileTest {

    private static HolidayYear read(String yaml, String file) {
        return HolidayFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), file);
    }

    private static List<String> problems(String yaml, String file) {
        try {
            read(yaml, file);
        } catch (CalendarFileException e) {
            return e.problems();
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void aValidFileWithRangesSingleDaysPlainMakeUpDatesAndAnOwnWeekend() {
        HolidayYear year = read("""
                year: 2030
                weekend: [friday, saturday]
                holidays:
                  - {from: 2030-02-02, to: 2030-02-04, zh: 春节, en: Spring Festival}
                  - {date: 2030-05-01, en: Labour Day}
                make-up-days:
                  - 2030-02-08
                  - {date: 2030-02-09, zh: 春节调休上班}
                """, "/etc/hearken/calendar/2030.yml");
        assertThat(year.year()).isEqualTo(2030);
        assertThat(year.holidays()).containsOnlyKeys(LocalDate.of(2030, 2, 2), LocalDate.of(2030, 2, 3),
                LocalDate.of(2030, 2, 4), LocalDate.of(2030, 5, 1));
        assertThat(year.makeUpDays().get(LocalDate.of(2030, 2, 9)).zh()).isEqualTo("春节调休上班");
        assertThat(year.makeUpDays()).containsKey(LocalDate.of(2030, 2, 8));
    }

    @Test
    void everyProblemIsNamedWithFileAndLine() {
        List<String> problems = problems("""
                year: 2026
                holidays:
                  - {from: 2026-10-01, to: 2026-10-07, zh: 国庆节, en: National Day}
                  - {from: 2026-10-06, to: 2026-10-08, zh: 重叠}
                  - {date: 2027-01-01, zh: 元旦}
                  - {date: 2026-02-30, zh: 坏日期}
                  - {from: 2026-03-05, to: 2026-03-01, en: backwards}
                  - {date: 2026-04-04}
                make-up-days:
                  - 2026-10-09
                  - 2026-10-03
                  - 2026-10-10
                  - 2026-10-10
                  - 2025-12-27
                holiday: typo
                """, "/cal/2026.yml");
        assertThat(problems).containsExactly(
                "/cal/2026.yml line 15: unknown key 'holiday' (expected one of [year, source, weekend, holidays, make-up-days])",
                "/cal/2026.yml line 4: holiday 重叠 overlaps holiday 国庆节 / National Day (line 3) on 2026-10-06",
                "/cal/2026.yml line 5: holiday 元旦: 2027-01-01 is outside the file's year 2026",
                "/cal/2026.yml line 6: holiday 坏日期: '2026-02-30' is not a date (yyyy-mm-dd)",
                "/cal/2026.yml line 7: holiday backwards: 'to' 2026-03-01 is before 'from' 2026-03-05",
                "/cal/2026.yml line 8: an entry needs a name: 'zh', 'en' or both",
                "/cal/2026.yml line 10: make-up day 2026-10-09 is a FRIDAY, not a weekend day [SATURDAY, SUNDAY]: it is a working day anyway",
                "/cal/2026.yml line 11: make-up day 2026-10-03 is also a holiday (holiday 国庆节 / National Day (line 3))",
                "/cal/2026.yml line 13: make-up day 2026-10-10 is listed twice",
                "/cal/2026.yml line 14: make-up day: 2025-12-27 is outside the file's year 2026");
    }

    @Test
    void theYearMustBeThereAndMatchTheFileName() {
        assertThat(problems("holidays: []", "/cal/2026.yml"))
                .containsExactly("/cal/2026.yml line 1: 'year' is missing or not a four-digit year");
        assertThat(problems("year: 2027\n", "/cal/2026.yml"))
                .containsExactly("/cal/2026.yml line 1: the file is named for 2026 but says year 2027");
        assertThat(problems("year: [2026", "/cal/x.yml")).singleElement().asString().startsWith("/cal/x.yml: not valid YAML");
        assertThat(problems("- 2026-01-01", "/cal/x.yml"))
                .containsExactly("/cal/x.yml: expected a mapping with year, holidays and make-up-days");
        assertThat(problems("year: 2026\nweekend: [SUNDAY, SONDAY]\n", "/cal/2026.yml"))
                .containsExactly("/cal/2026.yml line 2: 'SONDAY' is not a day of the week (MONDAY … SUNDAY)");
    }

    @Test
    void aFolderGivesOneYearPerFileAndRefusesTheSameYearTwice(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("2027.yml"), "year: 2027\nholidays: [{date: 2027-01-01, zh: 元旦}]\n");
        Files.writeString(dir.resolve("README.txt"), "not a calendar");
        assertThat(HolidayFolder.read(dir)).extracting(HolidayYear::year).containsExactly(2027);

        Files.writeString(dir.resolve("new-year.yaml"), "year: 2027\n");
        Files.writeString(dir.resolve("2028.yml"), "year: 2028\nmake-up-days: [2028-01-03]\n");
        assertThatThrownBy(() -> HolidayFolder.read(dir)).isInstanceOf(CalendarFileException.class)
                .satisfies(e -> assertThat(((CalendarFileException) e).problems()).containsExactly(
                        dir.resolve("2028.yml") + " line 2: make-up day 2028-01-03 is a MONDAY, not a weekend day [SATURDAY, SUNDAY]: it is a working day anyway",
                        dir.resolve("new-year.yaml") + ": year 2027 is also in " + dir.resolve("2027.yml")));
        assertThatThrownBy(() -> HolidayFolder.read(dir.resolve("missing")))
                .hasMessageContaining("missing: the calendar folder does not exist");
    }
}

package io.hearken.desk.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The countdown the queue shows (desk.js writes the same). */
class DeskTimeTest {

    @Test
    void countdownsReadAsDaysHoursAndMinutesAndGoNegativeOnceOverdue() {
        assertThat(DeskTime.left(2 * 3600L + 5 * 60 + 30)).isEqualTo("2h 05m");
        assertThat(DeskTime.left(86_400L + 3 * 3600)).isEqualTo("1d 3h");
        assertThat(DeskTime.left(7 * 60L)).isEqualTo("7m");
        assertThat(DeskTime.left(-7 * 60L)).isEqualTo("-7m");
        assertThat(DeskTime.left(null)).isEmpty();
    }
}

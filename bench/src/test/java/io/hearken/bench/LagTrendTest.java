package io.hearken.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The step's lag rule: a group falling behind steadily is growing even when the total looks level. */
class LagTrendTest {

    @Test
    void aGroupFallingBehindIsGrowingWhileANoisyLevelOneIsNot() {
        LagTrend trend = new LagTrend();
        for (int i = 0; i < 15; i++) {
            // The notifier falls 80 records behind every sample; the router's lag jumps around 1,000.
            trend.add(2.0 * i, Map.of("notifier-mail", 80L * i, "hearken-router", i % 2 == 0 ? 700L : 1_300L));
        }
        assertThat(trend.growing()).containsOnlyKeys("notifier-mail");
        assertThat(trend.growing().get("notifier-mail")).isBetween(1_000L, 1_200L);
        assertThat(trend.totalAtEnd()).isEqualTo(80L * 14 + 700L); // the last sample, i = 14: the router at 700
    }

    @Test
    void theOldRuleOnTheTotalCalledThisFlat() {
        LagTrend trend = new LagTrend();
        for (int i = 0; i < 15; i++) {
            trend.add(2.0 * i, Map.of("notifier-mail", 80L * i));
        }
        // last ≤ 2 × median + 200 held (1,120 ≤ 1,320): the rule before this one missed the growth.
        assertThat(trend.totalAtEnd()).isLessThanOrEqualTo(Math.round(2 * trend.totalMedian() + 200));
        assertThat(trend.growing()).containsKey("notifier-mail");
    }

    @Test
    void fewSamplesOrLevelLagAreNotGrowth() {
        LagTrend trend = new LagTrend();
        trend.add(0, Map.of("g", 5_000L));
        trend.add(2, Map.of("g", 9_000L));
        assertThat(trend.growing()).isEmpty();
        for (int i = 2; i < 12; i++) {
            trend.add(2.0 * i, Map.of("g", 5_000L));
        }
        assertThat(trend.growing()).isEmpty();
    }
}

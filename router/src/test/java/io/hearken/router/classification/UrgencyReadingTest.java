package io.hearken.router.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Urgency;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Urgency read from the wording, on the shipped hand-labelled set (router/data/urgency_set.py). */
class UrgencyReadingTest {

    private final UrgencyReading reading = new UrgencyReading(ClassificationRules.defaults());

    @Test
    void atLeastNinetyPercentRightAndNoUrgentTextCalledLow() {
        List<LabelledText> set = UrgencyReading.shippedSet();
        assertThat(set).hasSizeGreaterThanOrEqualTo(300);
        int right = 0;
        List<String> wrong = new ArrayList<>();
        List<String> urgentCalledLow = new ArrayList<>();
        for (LabelledText row : set) {
            UrgencyReading.Decision d = reading.read(row.text());
            if (d.urgency().name().equals(row.label())) {
                right++;
            } else {
                wrong.add(row.label() + " → " + d.urgency() + ": " + row.text() + " " + d.reasons());
                if (row.label().equals("URGENT") && d.urgency() == Urgency.LOW) {
                    urgentCalledLow.add(row.text());
                }
            }
        }
        System.out.println(UrgencyReading.evaluate(reading, set));
        wrong.forEach(System.out::println);
        assertThat((double) right / set.size()).as(String.join("\n", wrong)).isGreaterThanOrEqualTo(0.9);
        assertThat(urgentCalledLow).isEmpty();
    }

    /**
     * 40 texts written after the rules and never used to adjust them: how the reading does on new wording
     * (measured 30/40 right, no urgent text called low; the misses are listed in docs/router.md). Keep it
     * held out: a rule added for one of these makes the figure meaningless.
     */
    @Test
    void freshWordingsWrittenAfterTheRules() throws Exception {
        List<LabelledText> fresh;
        try (var in = getClass().getResourceAsStream("urgency-fresh.csv")) {
            fresh = LabelledCsv.read(in, "urgency-fresh.csv", "urgency");
        }
        String report = UrgencyReading.evaluate(reading, fresh);
        System.out.println("fresh wordings:\n" + report);
        for (LabelledText row : fresh) {
            UrgencyReading.Decision d = reading.read(row.text());
            if (!d.urgency().name().equals(row.label())) {
                System.out.println(row.label() + " → " + d.urgency() + ": " + row.text() + " " + d.reasons());
            }
        }
        assertThat(report).contains("urgent_called_low=0");
        assertThat(Evaluation.of(fresh.stream().map(LabelledText::label).toList(),
                fresh.stream().map(r -> reading.read(r.text()).urgency().name()).toList()).accuracy()).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "There is a strong smell of gas in the stairwell | URGENT",
            "楼上水管爆了，水已经流到我家客厅 | URGENT",
            "Someone is stuck in the lift | URGENT",
            "楼道垃圾三天没人清理了，气味很大，希望尽快处理 | NORMAL",
            "保安在门岗抽烟 | NORMAL",
            "饭店油烟太大 | NORMAL",
            "楼道里没有烟，只是有点灰尘 | NORMAL",
            "请问物业费怎么交？ | LOW",
            "请问为什么电梯坏了三天还没修？ | NORMAL",
    })
    void theIssuesExamples(String text, Urgency expected) {
        assertThat(reading.read(text).urgency()).as(reading.read(text).reasons().toString()).isEqualTo(expected);
    }

    @Test
    void reasonsSayWhatDecided() {
        assertThat(reading.read("厨房闻到很重的煤气味").reasons()).anyMatch(r -> r.startsWith("urgent signal: gas"));
        assertThat(reading.read("保安在门岗抽烟").reasons()).contains("not a hazard: '抽烟'");
        assertThat(reading.read("No gas smell, the hob just won't light").reasons()).anyMatch(r -> r.startsWith("negated: gas"));
    }
}

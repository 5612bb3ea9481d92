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

    /** Measured on the held-out set, minus a little (docs/router.md, "Urgency"). */
    private static final double HELD_OUT_FLOOR = 0.77;

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
     * 94 texts written before the rules were widened for the first held-out set's misses and before the model
     * existed, and never used to adjust either (router/src/test/resources/…/urgency-heldout.csv): how the reading
     * does on new wording. Rules alone and rules plus model, figures in docs/router.md ("Urgency"). Keep it held
     * out: a rule or a training text added for one of these makes the figure meaningless.
     */
    @Test
    void heldOutWordings() throws Exception {
        List<LabelledText> heldOut;
        try (var in = getClass().getResourceAsStream("urgency-heldout.csv")) {
            heldOut = LabelledCsv.read(in, "urgency-heldout.csv", "urgency");
        }
        assertThat(heldOut).hasSizeGreaterThanOrEqualTo(80);
        UrgencyReading rulesOnly = new UrgencyReading(ClassificationRules.defaults(), null);
        System.out.println("held out, rules only:\n" + UrgencyReading.evaluate(rulesOnly, heldOut));
        String report = UrgencyReading.evaluate(reading, heldOut);
        System.out.println("held out, rules plus model:\n" + report);
        for (LabelledText row : heldOut) {
            UrgencyReading.Decision d = reading.read(row.text());
            if (!d.urgency().name().equals(row.label())) {
                System.out.println(row.label() + " → " + d.urgency() + ": " + row.text() + " " + d.reasons());
            }
        }
        assertThat(report).contains("urgent_called_low=0");
        assertThat(accuracy(reading, heldOut)).isGreaterThanOrEqualTo(HELD_OUT_FLOOR);
    }

    /** The model only makes the reading safer: never below the rules' URGENT, LOW only where the rules say LOW. */
    @Test
    void theModelOnlyRaises() {
        UrgencyReading rulesOnly = new UrgencyReading(ClassificationRules.defaults(), null);
        for (LabelledText row : UrgencyReading.shippedSet()) {
            Urgency byRules = rulesOnly.read(row.text()).urgency();
            Urgency combined = reading.read(row.text()).urgency();
            if (byRules == Urgency.URGENT) {
                assertThat(combined).as(row.text()).isEqualTo(Urgency.URGENT);
            }
            if (combined == Urgency.LOW) {
                assertThat(byRules).as(row.text()).isEqualTo(Urgency.LOW);
            }
        }
    }

    /**
     * Everyday complaints of the category set that the model did not learn from (every fourth, outside safety): the
     * model raises none of them (measured once over all ~3,500: 0; in safety 10 of 560, such as loose railings).
     */
    @Test
    void theModelLeavesEverydayComplaintsAlone() throws Exception {
        ClassificationRules rules = ClassificationRules.defaults();
        UrgencyReading rulesOnly = new UrgencyReading(rules, null);
        java.util.Set<String> learned = new java.util.HashSet<>();
        UrgencyModel.everyday(rules, UrgencyModel.EVERYDAY).forEach(t -> learned.add(t.text()));
        List<LabelledText> rows;
        try (var in = getClass().getResourceAsStream("/io/hearken/router/model/complaints-labelled.csv")) {
            rows = LabelledCsv.read(in, "complaints-labelled.csv", "label");
        }
        List<String> raised = new ArrayList<>();
        int read = 0;
        for (int i = 0; i < rows.size(); i += 4) {
            LabelledText row = rows.get(i);
            if (row.label().equals("safety") || learned.contains(row.text())) {
                continue;
            }
            read++;
            UrgencyReading.Decision d = reading.read(row.text());
            if (d.urgency() == Urgency.URGENT && rulesOnly.read(row.text()).urgency() != Urgency.URGENT) {
                raised.add(row.text() + " " + d.reasons());
            }
        }
        assertThat(read).isGreaterThan(500);
        assertThat(raised.size()).as(String.join("\n", raised)).isLessThanOrEqualTo(read / 100);
    }

    private static double accuracy(UrgencyReading reading, List<LabelledText> rows) {
        return Evaluation.of(rows.stream().map(LabelledText::label).toList(),
                rows.stream().map(r -> reading.read(r.text()).urgency().name()).toList()).accuracy();
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
        // No rule for it; the model, from the labelled set's falling and hurt texts (a category-set text, not held out).
        String text = "Tiles falling off the wall of the lobby, nearly hit someone";
        assertThat(new UrgencyReading(ClassificationRules.defaults(), null).read(text).urgency()).isEqualTo(Urgency.NORMAL);
        UrgencyReading.Decision tiles = reading.read(text);
        assertThat(tiles.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(tiles.reasons()).anySatisfy(r -> assertThat(r).matches("urgency model p=0\\.\\d\\d"));
    }
}

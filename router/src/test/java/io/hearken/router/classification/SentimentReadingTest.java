package io.hearken.router.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Sentiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sentiment read from the resident's words, on the hand-written set (router/data/sentiment_set.py). */
class SentimentReadingTest {

    private final SentimentReading reading = new SentimentReading(ClassificationRules.defaults());

    @Test
    void atLeastNinetyPercentRightAndNoAngryOrDistressedTextCalledNeutral() throws Exception {
        List<LabelledText> set = read("sentiment-labelled.csv");
        assertThat(set).hasSizeGreaterThanOrEqualTo(150);
        String report = report(set);
        System.out.println("sentiment, labelled set:\n" + report);
        List<String> wrong = mistakes(set);
        wrong.forEach(System.out::println);
        assertThat(right(set) / (double) set.size()).as(String.join("\n", wrong)).isGreaterThanOrEqualTo(0.9);
        assertThat(wrong).as("an angry or distressed text called neutral")
                .noneMatch(w -> w.contains("→ NEUTRAL"));
    }

    /**
     * 40 texts written together with the labelled set but never used to adjust the rules: how the reading does on new
     * wording (the figure is in docs/router.md). Keep it held out: a rule added for one of these makes it meaningless.
     */
    @Test
    void freshWordingsNeverUsedToAdjustTheRules() throws Exception {
        List<LabelledText> fresh = read("sentiment-fresh.csv");
        System.out.println("sentiment, fresh wordings:\n" + report(fresh));
        mistakes(fresh).forEach(System.out::println);
        assertThat(right(fresh) / (double) fresh.size()).isGreaterThanOrEqualTo(0.7);
    }

    /** The traps: clearly angry or distressed wordings, and polite, hopeful, negated ones that must stay neutral. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            这是我第三次投诉了，还是没人来修                  | ANGRY
            投诉了好几次都没用                                | ANGRY
            气死了，电梯又坏了                                | ANGRY
            忍无可忍，楼上天天半夜唱歌                        | ANGRY
            I am furious about the state of the bins          | ANGRY
            This is the third time I have written to you      | ANGRY
            孩子发烧了，家里却停电了                          | DISTRESSED
            I'm desperate, the water has been off for two days | DISTRESSED
            My elderly mother alone at home has no heating    | DISTRESSED
            家里老人一个人在家，停水两天了                    | DISTRESSED
            I'm angry and scared, someone tried my door again tonight | DISTRESSED
            希望尽快处理，谢谢                                | NEUTRAL
            请问物业费怎么交                                  | NEUTRAL
            谢谢师傅！！修得很好                              | NEUTRAL
            我不生气，就是提醒一下                            | NEUTRAL
            不着急，周末来修也可以                            | NEUTRAL
            建议给老人活动室多装几把椅子                      | NEUTRAL
            Thank you so much!!                               | NEUTRAL
            I'm not angry, the lock just sticks               | NEUTRAL
            Could you please help me with my parking permit?  | NEUTRAL
            It would be lovely to have a bench for elderly residents | NEUTRAL
            """)
    void traps(String text, Sentiment expected) {
        SentimentReading.Decision d = reading.read(text);
        assertThat(d.sentiment()).as(text + " " + d.reasons()).isEqualTo(expected);
    }

    @Test
    void reasonsNameTheCues() {
        assertThat(reading.read("投诉了好几次，气死了").reasons()).anyMatch(r -> r.startsWith("sentiment: angry") && r.contains("气死"));
        assertThat(reading.read("孩子发烧了，家里停电").reasons()).anyMatch(r -> r.contains("'孩子' + '发烧'"));
        assertThat(reading.read("我不生气").reasons()).containsExactly("sentiment: negated '生气'");
        assertThat(reading.read("楼道灯坏了").reasons()).isEmpty();
    }

    @Test
    void aRulesFileWithoutASentimentSectionUsesTheShippedOne() {
        ClassificationRules own = ClassificationRules.load(new java.io.ByteArrayInputStream(
                "categories:\n  noise: [吵]\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "own.yml");
        assertThat(new SentimentReading(own).read("气死了，太吵").sentiment()).isEqualTo(Sentiment.ANGRY);
    }

    private int right(List<LabelledText> rows) {
        return (int) rows.stream().filter(r -> reading.read(r.text()).sentiment().name().equals(r.label().toUpperCase(Locale.ROOT))).count();
    }

    private List<String> mistakes(List<LabelledText> rows) {
        List<String> out = new ArrayList<>();
        for (LabelledText r : rows) {
            SentimentReading.Decision d = reading.read(r.text());
            if (!d.sentiment().name().equals(r.label())) {
                out.add(r.label() + " → " + d.sentiment() + ": " + r.text() + " " + d.reasons());
            }
        }
        return out;
    }

    private String report(List<LabelledText> rows) {
        return Evaluation.of(rows.stream().map(LabelledText::label).toList(),
                rows.stream().map(r -> reading.read(r.text()).sentiment().name()).toList()).report();
    }

    private List<LabelledText> read(String name) throws Exception {
        try (var in = getClass().getResourceAsStream(name)) {
            return LabelledCsv.read(in, name, "sentiment");
        }
    }
}

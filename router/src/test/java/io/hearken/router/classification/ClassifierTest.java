package io.hearken.router.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintRouted;
import io.hearken.events.Urgency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClassifierTest {

    private final Classifier classifier = Models.defaultClassifier();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "卫生间的水管一直在滴水，墙都湿了，麻烦派人来修 | facility",
            "物业前台的人说话很冲，问了三遍都不理人 | service",
            "单元门口的垃圾三天没人收了，味道很大 | environment",
            "楼上装修每天早上七点就开始电钻，吵死了 | noise",
            "厨房晚上老是有蟑螂爬出来 | pests",
            "有人天天把车停在我的车位上 | parking",
            "这个月的物业费账单多收了两百块 | fees",
            "The heating in my flat has not worked since Monday and the radiator is cold | facility",
            "The woman at the reception was really rude and hung up on me | service",
            "Overflowing bins behind Block C, rubbish everywhere | environment",
            "Loud party music from the flat next door until 3am | noise",
            "I saw a rat running in the basement storage | pests",
            "My parking space is taken by a visitor car every evening | parking",
            "I have been charged twice for the management fee this month | fees",
    })
    void classifiesChineseAndEnglish(String text, String expected) {
        ComplaintRouted.Classification c = classifier.classify(text, null);
        assertThat(c.category()).as(c.reasons().toString()).isEqualTo(expected);
        assertThat(c.confidence()).isBetween(0.0, 1.0);
        assertThat(c.suggestions()).isNotEmpty().first().extracting(ComplaintRouted.Suggestion::category).isEqualTo(expected);
        assertThat(c.reasons()).anyMatch(r -> r.startsWith("model: "));
    }

    @ParameterizedTest(name = "{0} is urgent")
    @CsvSource(delimiter = '|', value = {
            "楼上漏水，水都流到我家天花板了",
            "3号楼电梯困人，里面有老人",
            "走廊里有很浓的烟，好像着火了",
            "厨房闻到很重的煤气味",
            "整栋楼停水了，一滴水都没有",
            "Two people are trapped in the lift of Block B",
            "I think there is a gas leak in the basement",
            "The ground floor is flooding after the storm",
            "We have no water since this morning",
    })
    void urgencySignals(String text) {
        ComplaintRouted.Classification c = classifier.classify(text, null);
        assertThat(c.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(c.reasons()).anyMatch(r -> r.startsWith("urgent signal: "));
    }

    @Test
    void ordinaryAndLowUrgency() {
        assertThat(classifier.classify("楼道的灯坏了", null).urgency()).isEqualTo(Urgency.NORMAL);
        assertThat(classifier.classify("建议小区多装几个健身器材", null).urgency()).isEqualTo(Urgency.LOW);
        assertThat(classifier.classify("We got a fire extinguisher inspection notice, fine", null).urgency())
                .as("'fire extinguisher' is no fire").isNotEqualTo(Urgency.URGENT);
    }

    @Test
    void rulesAndTheChannelHintMoveTheScore() {
        ComplaintRouted.Classification c = classifier.classify("马桶堵了", "facility");
        assertThat(c.category()).isEqualTo("facility");
        assertThat(c.reasons()).contains("keyword '马桶' → facility", "channel hint → facility");
    }

    @Test
    void gibberishGoesToTriageWithSuggestions() {
        ComplaintRouted.Classification c = classifier.classify("xq zzv 12 ok", null);
        assertThat(c.needsTriage()).isTrue();
        assertThat(c.confidence()).isLessThan(0.45);
        assertThat(c.suggestions()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(c.reasons()).anyMatch(r -> r.contains("triage"));
    }
}

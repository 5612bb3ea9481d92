package io.hearken.router.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearken.events.Urgency;
import io.hearken.router.assignment.RoutingTable;
import io.hearken.router.classification.ClassificationRules;
import io.hearken.router.sla.SlaConfig;
import io.hearken.router.sla.SlaPolicy;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** An operator's rules, routing or SLA file that does not fit is refused in one sentence: file, line, key, what. */
class BadYamlFilesTest {

    private static InputStream yaml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static AbstractThrowableAssert<?, ?> rules(String text) {
        return assertThatThrownBy(() -> ClassificationRules.load(yaml(text), "office-rules.yml"))
                .isInstanceOf(YamlFileException.class);
    }

    private static AbstractThrowableAssert<?, ?> routing(String text) {
        return assertThatThrownBy(() -> RoutingTable.load(yaml(text), "routing.yml")).isInstanceOf(YamlFileException.class);
    }

    private static AbstractThrowableAssert<?, ?> sla(String text) {
        return assertThatThrownBy(() -> SlaConfig.load(yaml(text), "sla.yml")).isInstanceOf(YamlFileException.class);
    }

    @Test
    void aTypoInAKeyIsRefusedWithItsNameAndTheKeysAllowed() {
        rules("categories:\n  lift: [电梯]\ncustomer-typ:\n  wording: {}\n")
                .hasMessageStartingWith("office-rules.yml line 3 column 1: unknown key 'customer-typ'")
                .hasMessageContaining("customer-type, impact, sentiment, urgency");
        rules("categories:\n  lift:\n    keyword: [电梯]\n")
                .hasMessageContaining("line 3").hasMessageContaining("unknown key 'keyword' in 'categories.lift'");
        // A rule whose condition is misspelt must not become a rule without that condition.
        routing("rules:\n  - {category: noise, bulding: A座, department: security}\n")
                .hasMessageStartingWith("routing.yml line 2").hasMessageContaining("unknown key 'bulding' in 'rules[1]'")
                .hasMessageContaining("building");
        sla("urgency:\n  urgent: {first-reponse: PT30M}\n")
                .hasMessageContaining("line 2").hasMessageContaining("unknown key 'first-reponse' in 'urgency.urgent'");
    }

    @Test
    void aValueOfTheWrongKindIsRefusedSayingWhatItShouldBe() {
        sla("urgency:\n  normal: {first-response: PT24H, resolution: five days}\n")
                .hasMessageStartingWith("sla.yml line 2")
                .hasMessageContaining("'urgency.normal.resolution': 'five days' is not a duration (ISO-8601");
        // Not 24 seconds: the operator meant hours, and before this a bare number was refused too.
        sla("urgency:\n  urgent: {resolution: 24}\n").hasMessageContaining("'urgency.urgent.resolution': '24' is not a duration");
        sla("business-hours:\n  start: \"9 am\"\n").hasMessageContaining("'business-hours.start': '9 am' is not a time of day");
        sla("urgency:\n  critical: {first-response: PT1H}\n").hasMessageContaining("'critical' is not one of URGENT, NORMAL, LOW");
        routing("rules:\n  - {category: noise, out-of-hours: sometimes, department: security}\n")
                .hasMessageContaining("'rules[1].out-of-hours': 'sometimes' is not true or false");
        routing("rules:\n  - {resident-type: STUDNET, department: billing}\n")
                .hasMessageContaining("'STUDNET' is not one of OWNER, TENANT, STUDENT");
        rules("impact: 全楼\n").hasMessageContaining("'impact' should be a list");
        rules("categories: [lift, noise]\n").hasMessageStartingWith("office-rules.yml line 1")
                .hasMessageContaining("'categories' should be a mapping");
        rules("- categories\n").hasMessageContaining("the file should be a mapping");
    }

    @Test
    void aMissingOrBadRequiredValueIsRefusedNamingTheEntry() {
        routing("rules:\n  - {category: noise, department: security}\n  -\n    category: fees\n    name: fees\n")
                .hasMessageStartingWith("routing.yml line 4 column 5")
                .hasMessageContaining("'rules[2]': a rule needs a 'department'");
        sla("warn-at: 1.5\n").hasMessageContaining("warn-at must be between 0 and 1");
        rules("categories:\n  lift:\n    keywords: [电梯]\n    patterns: ['(unclosed']\nimpact: [全楼]\n")
                .hasMessageStartingWith("office-rules.yml line 2 column 3: 'categories.lift': bad pattern (unclosed: Unclosed group");
        sla("business-hours: {start: \"18:00\", end: \"09:00\"}\n").hasMessageContaining("'business-hours'")
                .hasMessageContaining("start < end");
    }

    @Test
    void anEmptyFileIsRefused() {
        rules("").hasMessage("office-rules.yml is empty: it needs at least one of its sections (see docs/router.md)");
        routing("# nothing here yet\n").hasMessageContaining("routing.yml is empty");
        sla("---\n").hasMessageContaining("sla.yml is empty");
    }

    @Test
    void brokenYamlAndRepeatedKeysAreRefused() {
        rules("categories:\n  lift: [电梯, elevator\n").hasMessageStartingWith("office-rules.yml line").hasMessageContaining("not valid YAML");
        // The second 'lift' would silently replace the first.
        rules("categories:\n  lift: [电梯]\n  lift: [elevator]\n").hasMessageContaining("line 3").hasMessageContaining("twice");
    }

    @Test
    void yamlTagsMakeNoObjects() {
        ClassificationRules r = ClassificationRules.load(yaml("impact: !!java.lang.ProcessBuilder [calc]\n"), "office-rules.yml");
        assertThat(r.impactSignals("calc")).containsExactly("calc");
        sla("urgency: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:9/\"]]]]\n")
                .hasMessageContaining("'urgency' should be a mapping");
    }

    @Test
    void lowerCaseNamesStillLoadAsBefore() {
        SlaPolicy policy = SlaConfig.load(yaml("""
                business-hours: {days: [monday, friday]}
                urgency:
                  urgent: {first-response: PT30M}
                  low:
                """), "sla.yml");
        assertThat(policy.target("any", Urgency.URGENT).firstResponse()).isEqualTo(Duration.ofMinutes(30));
        assertThat(policy.target("any", Urgency.LOW)).isEqualTo(SlaPolicy.defaults().byUrgency().get(Urgency.LOW));
        assertThat(policy.calendar().alwaysOpen()).isFalse();
    }
}

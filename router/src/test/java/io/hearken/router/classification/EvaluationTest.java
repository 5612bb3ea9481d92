package io.hearken.router.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void accuracyMacroF1AndConfusion() {
        Evaluation e = Evaluation.of(List.of("a", "a", "b", "b"), List.of("a", "b", "b", "b"));
        assertThat(e.accuracy()).isEqualTo(0.75);
        // a: p=1, r=0.5, f1=0.667; b: p=0.667, r=1, f1=0.8 → macro 0.733
        assertThat(e.macroF1()).isCloseTo(0.7333, within(0.001));
        assertThat(e.confusion()[0]).containsExactly(1, 1);
        assertThat(e.confusion()[1]).containsExactly(0, 2);
        assertThat(e.report()).startsWith("accuracy=0.7500\nmacro_f1=0.7333\n");
    }
}

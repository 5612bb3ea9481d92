package io.hearken.router.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.router.classification.TextFeatures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bigrams packed into longs give exactly the similarity the bigram strings gave (the regular expression over the
 * normalised text, kept here as the reference): over the shipped labelled texts, pairwise, and texts with punctuation,
 * full-width, supplementary and combining characters.
 */
class SimilarityTest {

    @Test
    void packedBigramsGiveTheSimilarityOfTheBigramStrings() throws IOException {
        List<String> texts = new ArrayList<>(List.of("", "  ", "！！", "a", "电", "3号楼电梯坏了，停在5楼不动",
                "３号楼 電梯壞了", "Lift BROKEN on floor 5 — again!!", "𠀀𠀁 𠀂𠀀𠀁", "e\u0301te\u0301", "Ⅻ½²₃ ⅻ",
                "日本語のテキスト・カタカナ", "ﬁne ﬂow", "tab\tand\nnewline_underscore-dash"));
        try (InputStream in = getClass().getResourceAsStream("/io/hearken/router/model/complaints-labelled.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i += 25) {
                texts.add(lines[i]);
            }
        }
        for (String text : texts) {
            assertThat(Similarity.bigrams(text)).as(text).hasSize(reference(text).size());
        }
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i; j < texts.size(); j += 3) {
                assertThat(Similarity.of(texts.get(i), texts.get(j))).as("%s | %s", texts.get(i), texts.get(j))
                        .isEqualTo(referenceSimilarity(texts.get(i), texts.get(j)));
            }
        }
        assertThat(Similarity.of("电梯坏了", "电梯坏了")).isEqualTo(1.0);
        assertThat(Similarity.of("电梯坏了", "物业费账单")).isZero();
    }

    private static double referenceSimilarity(String a, String b) {
        Set<String> x = reference(a);
        Set<String> y = reference(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return (double) both.size() / (x.size() + y.size() - both.size());
    }

    /** The bigrams as they were made before (commit 25a50f8). */
    private static Set<String> reference(String text) {
        String s = TextFeatures.normalize(text).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        Set<String> out = new HashSet<>();
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            if (cps[i] != ' ' && cps[i + 1] != ' ') {
                out.add(new String(cps, i, 2));
            }
        }
        return out;
    }
}

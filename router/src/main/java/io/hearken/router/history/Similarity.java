package io.hearken.router.history;

import io.hearken.router.classification.TextFeatures;
import java.util.HashSet;
import java.util.Set;

/** Jaccard similarity of character bigrams: language-neutral, good enough for "the same incident". */
public final class Similarity {

    private Similarity() {
    }

    public static double of(String a, String b) {
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return (double) both.size() / (x.size() + y.size() - both.size());
    }

    static Set<String> bigrams(String text) {
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

package io.hearken.router.history;

import io.hearken.router.classification.TextFeatures;
import java.util.Arrays;

/**
 * Jaccard similarity of character bigrams: language-neutral, good enough for "the same incident". The bigrams of a
 * text are its pairs of adjacent letters or digits (after NFKC and lower-casing), each packed exactly into one long
 * (two code points of 21 bits), sorted and distinct: made once per text, compared by one merge, no strings made.
 */
public final class Similarity {

    private static final long[] NONE = new long[0];

    private Similarity() {
    }

    public static double of(String a, String b) {
        return of(bigrams(a), bigrams(b));
    }

    /** The similarity of two texts' {@link #bigrams}. */
    public static double of(long[] x, long[] y) {
        if (x.length == 0 || y.length == 0) {
            return 0;
        }
        int both = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                both++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) both / (x.length + y.length - both);
    }

    /** The text's distinct bigrams, sorted: each two adjacent letters or digits (Unicode L and N) as one long. */
    public static long[] bigrams(String text) {
        String s = TextFeatures.normalize(text);
        long[] out = new long[s.length()];
        int n = 0;
        int previous = -1; // the code point before, if a letter or digit
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (letterOrDigit(cp)) {
                if (previous >= 0) {
                    out[n++] = (long) previous << 21 | cp;
                }
                previous = cp;
            } else {
                previous = -1;
            }
        }
        if (n == 0) {
            return NONE;
        }
        Arrays.sort(out, 0, n);
        int distinct = 1;
        for (int i = 1; i < n; i++) {
            if (out[i] != out[distinct - 1]) {
                out[distinct++] = out[i];
            }
        }
        return Arrays.copyOf(out, distinct);
    }

    /** What the regular expression classes {@code \p{L}} and {@code \p{N}} match. */
    private static boolean letterOrDigit(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}

package io.hearken.router.classification;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a text into sparse features that suit both Chinese and English without a segmenter: runs of
 * Han characters give character 1-, 2- and 3-grams (Chinese words are mostly one to three
 * characters), Latin text gives words, word bigrams and character 4-grams inside words (so
 * "elevators" still shares features with "elevator"). Values are log counts, L2-normalised.
 */
public final class TextFeatures {

    /** Bumped when the features change: a model trained with other features must be re-trained. */
    public static final String VERSION = "char123-word12-sub4-v1";

    private TextFeatures() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    public static Map<String, Double> of(String text) {
        String s = normalize(text);
        Map<String, Double> counts = new LinkedHashMap<>();
        StringBuilder han = new StringBuilder();
        StringBuilder word = new StringBuilder();
        String previousWord = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isIdeographic(cp)) {
                previousWord = flushWord(word, previousWord, counts);
                han.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                flushHan(han, counts);
                word.appendCodePoint(cp);
            } else {
                flushHan(han, counts);
                previousWord = flushWord(word, previousWord, counts);
                if (!Character.isWhitespace(cp)) {
                    previousWord = null; // punctuation breaks word bigrams
                }
            }
        }
        flushHan(han, counts);
        flushWord(word, previousWord, counts);
        double norm = 0;
        for (Map.Entry<String, Double> e : counts.entrySet()) {
            double v = 1 + Math.log(e.getValue());
            e.setValue(v);
            norm += v * v;
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
            counts.replaceAll((k, v) -> v / length);
        }
        return counts;
    }

    private static void flushHan(StringBuilder han, Map<String, Double> counts) {
        if (han.length() == 0) {
            return;
        }
        int[] cps = han.codePoints().toArray();
        for (int n = 1; n <= 3; n++) {
            for (int i = 0; i + n <= cps.length; i++) {
                add(counts, "h" + n + ":" + new String(cps, i, n));
            }
        }
        han.setLength(0);
    }

    private static String flushWord(StringBuilder word, String previous, Map<String, Double> counts) {
        if (word.length() == 0) {
            return previous;
        }
        String w = word.toString();
        word.setLength(0);
        add(counts, "w:" + w);
        if (previous != null) {
            add(counts, "b:" + previous + "_" + w);
        }
        if (w.length() > 4) {
            String padded = "<" + w + ">";
            for (int i = 0; i + 4 <= padded.length(); i++) {
                add(counts, "s:" + padded.substring(i, i + 4));
            }
        }
        return w;
    }

    private static void add(Map<String, Double> counts, String feature) {
        counts.merge(feature, 1.0, Double::sum);
    }
}

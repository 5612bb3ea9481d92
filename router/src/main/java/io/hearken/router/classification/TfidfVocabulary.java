package io.hearken.router.classification;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The linear model's features: character 1..n-grams of the normalised text (the field's standard for
 * Chinese) and, optionally, words from Lucene's smartcn segmenter (Latin words are lower-cased and
 * stemmed by it). Weighted by TF-IDF with sublinear term frequency ({@code 1 + ln tf}) and the smoothed
 * IDF of the training set ({@code ln((1 + n) / (1 + df)) + 1}), L2-normalised.
 */
final class TfidfVocabulary {

    /** Which terms a text gives. */
    record Settings(int maxCharN, boolean words) {
        @Override
        public String toString() {
            return "char1-" + maxCharN + (words ? "+words" : "");
        }
    }

    // Thread-safe: Lucene analyzers keep one token stream per thread.
    private static final SmartChineseAnalyzer SEGMENTER = new SmartChineseAnalyzer();
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    /**
     * The words of the text this thread segmented last. Segmenting is most of a model's cost, and a complaint is
     * read by two models in a row: the category model and the urgency model, whose masked copy is the same text
     * when it has no look-alike to mask.
     */
    private static final ThreadLocal<Segmented> LAST_SEGMENTED = new ThreadLocal<>();

    private record Segmented(String text, List<String> words) {
    }

    private final Settings settings;
    private final Map<String, Integer> index;
    private final String[] terms;
    private final float[] idf;

    TfidfVocabulary(Settings settings, String[] terms, float[] idf) {
        this.settings = settings;
        this.terms = terms;
        this.idf = idf;
        this.index = new HashMap<>(terms.length * 2);
        for (int i = 0; i < terms.length; i++) {
            index.put(terms[i], i);
        }
    }

    static TfidfVocabulary fit(Settings settings, List<List<String>> documents) {
        Map<String, Integer> df = new HashMap<>();
        for (List<String> doc : documents) {
            for (String term : new HashSet<>(doc)) {
                df.merge(term, 1, Integer::sum);
            }
        }
        String[] terms = df.keySet().stream().sorted().toArray(String[]::new);
        float[] idf = new float[terms.length];
        for (int i = 0; i < terms.length; i++) {
            idf[i] = (float) (Math.log((1.0 + documents.size()) / (1.0 + df.get(terms[i]))) + 1);
        }
        return new TfidfVocabulary(settings, terms, idf);
    }

    static List<String> terms(String text, Settings settings) {
        String s = SPACES.matcher(TextFeatures.normalize(text)).replaceAll(" ").strip();
        List<String> out = new ArrayList<>();
        int[] cps = s.codePoints().toArray();
        for (int n = 1; n <= settings.maxCharN(); n++) {
            for (int i = 0; i + n <= cps.length; i++) {
                if (n == 1 && cps[i] == ' ') {
                    continue;
                }
                out.add(new String(cps, i, n));
            }
        }
        if (settings.words()) {
            out.addAll(words(s));
        }
        return out;
    }

    private static List<String> words(String s) {
        Segmented last = LAST_SEGMENTED.get();
        if (last != null && last.text().equals(s)) {
            return last.words();
        }
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = SEGMENTER.tokenStream("", s)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add("\u0001" + term); // words never clash with n-grams
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LAST_SEGMENTED.set(new Segmented(s, words));
        return words;
    }

    List<String> terms(String text) {
        return terms(text, settings);
    }

    /** Whether a term counts for {@link #coverage}: words, or without a segmenter the longest n-grams. */
    boolean isWordLike(String term) {
        return settings.words() ? term.charAt(0) == '\u0001' : term.codePointCount(0, term.length()) == settings.maxCharN();
    }

    /** The share of the text's distinct word-like terms that are in the vocabulary (1 for a text without any). */
    double coverage(List<String> documentTerms) {
        return coverage(documentTerms, index::containsKey);
    }

    double coverage(List<String> documentTerms, java.util.function.Predicate<String> known) {
        int all = 0;
        int seen = 0;
        for (String term : new HashSet<>(documentTerms)) {
            if (isWordLike(term)) {
                all++;
                seen += known.test(term) ? 1 : 0;
            }
        }
        return all == 0 ? 1 : (double) seen / all;
    }

    /** LibLinear's sparse vector (indices from 1, ascending); terms not in the vocabulary are dropped. */
    Feature[] vector(List<String> documentTerms) {
        // The known terms' ids sorted, so each id's count is its run: no map of boxed counts (this runs twice per
        // complaint, for the category and the urgency).
        int[] ids = new int[documentTerms.size()];
        int known = 0;
        for (String term : documentTerms) {
            Integer i = index.get(term);
            if (i != null) {
                ids[known++] = i;
            }
        }
        java.util.Arrays.sort(ids, 0, known);
        int distinct = 0;
        double[] values = new double[known];
        double norm = 0;
        for (int k = 0; k < known; ) {
            int run = k;
            while (run < known && ids[run] == ids[k]) {
                run++;
            }
            ids[distinct] = ids[k];
            values[distinct] = (1 + Math.log(run - k)) * idf[ids[k]];
            norm += values[distinct] * values[distinct];
            distinct++;
            k = run;
        }
        double length = norm > 0 ? Math.sqrt(norm) : 1;
        Feature[] features = new Feature[distinct];
        for (int k = 0; k < distinct; k++) {
            features[k] = new FeatureNode(ids[k] + 1, values[k] / length);
        }
        return features;
    }

    Settings settings() {
        return settings;
    }

    int size() {
        return terms.length;
    }

    String term(int i) {
        return terms[i];
    }

    float idf(int i) {
        return idf[i];
    }

    @Override
    public String toString() {
        return settings + " (" + terms.length + " terms)";
    }
}

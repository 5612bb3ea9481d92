package io.hearken.router.classification;

import io.hearken.events.ComplaintRouted;
import io.hearken.events.ResidentType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Combines the two layers: the model's probabilities and the rules' keyword hits (plus a channel's
 * category hint). With rule hits the score is {@code 0.6 × model + 0.4 × share of hits}; without,
 * the model alone. Below {@code threshold} the complaint needs a person (triage).
 */
public final class Classifier {

    static final double RULE_WEIGHT = 0.4;
    static final double HINT_WEIGHT = 0.25;

    private final TextModel model;
    private final ClassificationRules rules;
    private final UrgencyReading urgency;
    private final SentimentReading sentiment;
    private final CustomerTypeReading customerType;
    private final double threshold;
    private final String fallbackCategory;

    public Classifier(TextModel model, ClassificationRules rules, double threshold, String fallbackCategory) {
        this.model = model;
        this.rules = rules;
        this.urgency = new UrgencyReading(rules);
        this.sentiment = new SentimentReading(rules);
        this.customerType = new CustomerTypeReading(rules);
        this.threshold = threshold;
        this.fallbackCategory = fallbackCategory;
    }

    public ComplaintRouted.Classification classify(String text, String categoryHint) {
        return classify(text, categoryHint, null, Map.of());
    }

    /**
     * Also the customer type: {@code given} by the channel (null or UNKNOWN: not said), else an Open311 attribute in
     * {@code details}, else the wording.
     */
    public ComplaintRouted.Classification classify(String text, String categoryHint, ResidentType given,
            Map<String, String> details) {
        List<String> reasons = new ArrayList<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        TextModel now = model.inService(); // one model throughout, even while a new one is swapped in
        List<TextModel.Scored> predicted = now.predict(text);
        predicted.forEach(s -> scores.put(s.label(), s.probability()));
        if (!predicted.isEmpty()) {
            reasons.add(String.format(Locale.ROOT, "model: %s %.2f", predicted.get(0).label(), predicted.get(0).probability()));
        }
        if (now.identity() != null) {
            reasons.add("model file sha256 " + now.identity());
        }

        List<ClassificationRules.Hit> hits = rules.categoryHits(text);
        if (!hits.isEmpty()) {
            Map<String, Double> share = new LinkedHashMap<>();
            hits.forEach(h -> share.merge(h.target(), 1.0 / hits.size(), Double::sum));
            scores.replaceAll((c, p) -> (1 - RULE_WEIGHT) * p);
            share.forEach((c, s) -> scores.merge(c, RULE_WEIGHT * s, Double::sum));
            hits.stream().limit(5).forEach(h -> reasons.add("keyword '" + h.signal() + "' → " + h.target()));
        }
        if (categoryHint != null && !categoryHint.isBlank() && scores.containsKey(categoryHint.strip())) {
            String hint = categoryHint.strip();
            scores.replaceAll((c, p) -> (1 - HINT_WEIGHT) * p);
            scores.merge(hint, HINT_WEIGHT, Double::sum);
            reasons.add("channel hint → " + hint);
        }

        List<Map.Entry<String, Double>> ranked = new ArrayList<>(scores.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        String category = ranked.isEmpty() ? fallbackCategory : ranked.get(0).getKey();
        double confidence = ranked.isEmpty() ? 0 : round(ranked.get(0).getValue());
        boolean needsTriage = confidence < threshold;
        if (needsTriage) {
            reasons.add(String.format(Locale.ROOT, "confidence %.2f below %.2f → triage", confidence, threshold));
        }
        List<ComplaintRouted.Suggestion> suggestions = ranked.stream().limit(3)
                .map(e -> new ComplaintRouted.Suggestion(e.getKey(), round(e.getValue()))).toList();

        UrgencyReading.Decision read = urgency.read(text);
        reasons.addAll(read.reasons());
        SentimentReading.Decision feeling = sentiment.read(text);
        reasons.addAll(feeling.reasons());
        CustomerTypeReading.Decision who = customerType.read(given, details, text);
        if (who.reason() != null) {
            reasons.add(who.reason());
        }
        return new ComplaintRouted.Classification(category, read.urgency(), confidence, needsTriage, List.copyOf(reasons),
                suggestions, feeling.sentiment(), who.type());
    }

    /** The sentiment reading alone, with its cues (for the priority's reason). */
    public SentimentReading.Decision sentiment(String text) {
        return sentiment.read(text);
    }

    public CustomerTypeReading customerTypes() {
        return customerType;
    }

    public ClassificationRules rules() {
        return rules;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

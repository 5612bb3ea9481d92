package io.hearken.router.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The learned half of the urgency reading: a TF-IDF + LibLinear model ({@link LinearTrainer}, C by
 * cross-validation, Platt-calibrated) trained on the labelled urgency set, its texts masked as the
 * rules mask them (抽烟, "fire exit" never reach it). It only ever says how likely a text is URGENT
 * or LOW; {@link UrgencyReading} decides what it may change (it can raise NORMAL to URGENT, never lower).
 * The shipped model also learns everyday wording as NORMAL from the category set: up to {@link #EVERYDAY}
 * of its texts outside {@code safety} in which the rules find nothing at all (no hazard, look-alike,
 * negation or question), so no hazard the rules might miss is taught as normal.
 */
public final class UrgencyModel {

    /** Char 1–3-grams plus smartcn words: short texts, where a 3-gram (水管爆, 煤气味) carries the hazard. */
    static final LinearTrainer.Options OPTIONS = LinearTrainer.Options.DEFAULT.with(3, true);
    /** How many everyday texts of the category set join the shipped model's NORMAL examples. */
    static final int EVERYDAY = 1000;
    private static final String CATEGORY_SET = "/io/hearken/router/model/complaints-labelled.csv";

    /** The model's probabilities for one text. */
    public record Estimate(double urgent, double low, String top) {
    }

    private final TextModel model;

    private UrgencyModel(TextModel model) {
        this.model = model;
    }

    /** Once per JVM: trained on the shipped set masked by the shipped rules (a few seconds), or loaded from the cache. */
    private static final class Shipped {
        static final UrgencyModel MODEL = trainShipped();
    }

    private static UrgencyModel trainShipped() {
        ClassificationRules rules = ClassificationRules.defaults();
        return new UrgencyModel(ModelCache.loadOrTrain("hearken-urgency-model", () -> {
            List<LabelledText> rows = new ArrayList<>(UrgencyReading.shippedSet());
            rows.addAll(everyday(rules, EVERYDAY));
            return train(rows, rules).model;
        }, resource(UrgencyReading.SHIPPED_SET), resource(CATEGORY_SET), resource(ClassificationRules.SHIPPED),
                (OPTIONS + "|" + EVERYDAY).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                ModelCache.code(UrgencyModel.class, UrgencyReading.class)));
    }

    private static byte[] resource(String path) {
        try (InputStream in = UrgencyModel.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the shipped file " + path + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Category-set texts outside safety in which the rules find nothing, as NORMAL (a fixed sample). */
    static List<LabelledText> everyday(ClassificationRules rules, int max) {
        UrgencyReading byRules = new UrgencyReading(rules, null);
        List<LabelledText> out = new ArrayList<>();
        try (InputStream in = UrgencyModel.class.getResourceAsStream(CATEGORY_SET)) {
            if (in == null) {
                return out;
            }
            for (LabelledText row : LabelledCsv.read(in, "classpath:" + CATEGORY_SET, "label")) {
                if (!row.label().equals("safety") && byRules.read(row.text()).reasons().isEmpty()) {
                    out.add(new LabelledText(row.text(), "NORMAL"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.shuffle(out, new Random(20261206L));
        return out.subList(0, Math.min(max, out.size()));
    }

    public static UrgencyModel shipped() {
        return Shipped.MODEL;
    }

    /** Trains on {@code text,URGENT|NORMAL|LOW} rows, each masked by the rules' look-alikes first. */
    public static UrgencyModel train(List<LabelledText> rows, ClassificationRules rules) {
        UrgencyReading masking = new UrgencyReading(rules, null);
        List<LabelledText> masked = rows.stream()
                .map(r -> new LabelledText(masking.masked(r.text()), r.label().strip().toUpperCase(java.util.Locale.ROOT)))
                .toList();
        return new UrgencyModel(LinearTrainer.train(masked, OPTIONS, LinearTrainer.Progress.NONE));
    }

    /** On a text already masked ({@link UrgencyReading#masked}). */
    Estimate estimate(String maskedText) {
        double urgent = 0;
        double low = 0;
        List<TextModel.Scored> scored = model.predict(maskedText);
        for (TextModel.Scored s : scored) {
            urgent = s.label().equals("URGENT") ? s.probability() : urgent;
            low = s.label().equals("LOW") ? s.probability() : low;
        }
        return new Estimate(urgent, low, scored.isEmpty() ? "NORMAL" : scored.get(0).label());
    }

    @Override
    public String toString() {
        return "urgency model (" + model + ")";
    }
}

package io.hearken.router.classification;

import io.hearken.router.LeastCpu;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Not part of the suite (the name does not end in Test): the CPU of classifying one text with the shipped model and
 * rules, as the router does for each new complaint, over the 5,040 texts of the shipped labelled set, and of each
 * of its parts. Prints CPU-µs per text (the least of {@code -Drounds=N} rounds after as many warm-up rounds, default
 * 10) and a digest of every classification, so a change meant for speed can show it left the results alone.
 * Asserts nothing.
 * <pre>
 * ./mvnw -B -ntp -q -o -pl router -am test-compile
 * ./mvnw -B -ntp -q -o -pl router dependency:build-classpath -Dmdep.outputFile=/tmp/router.cp -Dmdep.includeScope=test
 * java -cp router/target/test-classes:router/target/classes:$(cat /tmp/router.cp) io.hearken.router.classification.ClassifyCost
 * </pre>
 */
public final class ClassifyCost {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 10);
        List<String> texts = Models.shippedSet().stream().map(Models.TemplatedRow::text).toList();
        Classifier classifier = Models.defaultClassifier();
        UrgencyReading urgency = new UrgencyReading(classifier.rules());
        TextModel model = Models.defaultModel().inService();

        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String text : texts) {
            digest.update(classifier.classify(text, null).toString().getBytes(StandardCharsets.UTF_8));
        }
        System.out.printf("%d texts, classifications sha256 %s%n", texts.size(),
                HexFormat.of().formatHex(digest.digest()).substring(0, 16));

        measure("classify (all of it)", rounds, texts, t -> classifier.classify(t, null));
        measure("  category model", rounds, texts, model::predict);
        measure("  category rules", rounds, texts, t -> classifier.rules().categoryHits(t));
        measure("  urgency (rules + model)", rounds, texts, urgency::read);
        measure("  sentiment", rounds, texts, classifier::sentiment);
        measure("  impact words", rounds, texts, t -> classifier.rules().impactSignals(t));
        if (Boolean.getBoolean("patterns")) {
            costliestPatterns(classifier.rules(), texts);
        }
    }

    /** {@code -Dpatterns=true}: the urgency and sentiment rules' matchers that cost most over the texts. */
    private static void costliestPatterns(ClassificationRules rules, List<String> texts) {
        List<String> normalised = texts.stream().map(TextFeatures::normalize).toList();
        List<ClassificationRules.Matcher> all = new java.util.ArrayList<>();
        rules.urgency().urgent().values().forEach(all::addAll);
        all.addAll(rules.urgency().ignore());
        all.addAll(rules.urgency().low());
        all.addAll(rules.urgency().problem());
        ClassificationRules.SentimentRules s = rules.sentiment();
        for (List<ClassificationRules.Matcher> list : List.of(s.angry(), s.annoyed(), s.intensifiers(), s.repeated(),
                s.again(), s.distressed(), s.vulnerable(), s.hardship())) {
            all.addAll(list);
        }
        java.util.Map<String, Long> cost = new java.util.HashMap<>();
        for (int round = 0; round < 4; round++) {
            for (ClassificationRules.Matcher m : all) {
                long start = CPU.getCurrentThreadCpuTime();
                normalised.forEach(t -> m.in(t).forEach(found -> { }));
                long used = CPU.getCurrentThreadCpuTime() - start;
                if (round > 1) {
                    cost.merge(m.signal(), used, Math::min);
                }
            }
        }
        long total = cost.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%d matchers, %.1f µs a text in all; the costliest:%n", all.size(), total / 1000.0 / texts.size());
        cost.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                .forEach(e -> System.out.printf("%8.2f µs  %s%n", e.getValue() / 1000.0 / texts.size(), e.getKey()));
    }

    private static void measure(String what, int rounds, List<String> texts, Consumer<String> work) {
        System.out.printf("%-28s %8.1f µs a text%n", what, LeastCpu.microsEach(rounds, texts, work));
    }
}

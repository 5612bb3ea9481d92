package io.hearken.router.cli;

import io.hearken.router.classification.ClassificationRules;
import io.hearken.router.classification.Evaluation;
import io.hearken.router.classification.LabelledCsv;
import io.hearken.router.classification.LabelledText;
import io.hearken.router.classification.TextModel;
import io.hearken.router.classification.UrgencyReading;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate --model model.bin --input test.csv}: per-class figures of the category model, then urgency's. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Scores a model on a labelled CSV (accuracy, macro-F1, per-class precision/recall/F1, confusion",
                "matrix), then the urgency reading on a text,urgency CSV (default: the shipped urgency set)."})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "model.bin")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "test.csv", description = "text,label CSV")
    Path input;

    @Option(names = "--urgency-input", paramLabel = "urgency.csv",
            description = "text,urgency CSV (URGENT, NORMAL, LOW); default: the shipped urgency set")
    Path urgencyInput;

    @Option(names = "--rules", paramLabel = "rules.yml", description = "the rules the urgency reading uses; default: the shipped ones")
    Path rules;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("no model file at " + model + " (make one with: train --input train.csv --model "
                    + model + ")");
        }
        TextModel loaded = TextModel.load(model);
        List<LabelledText> rows = LabelledCsv.read(input);
        Set<String> known = loaded.labels();
        Set<String> unknown = new TreeSet<>();
        rows.forEach(r -> {
            if (!known.contains(r.label())) {
                unknown.add(r.label());
            }
        });
        if (!unknown.isEmpty()) {
            err.println("warning: labels the model was not trained on (always counted wrong): " + unknown);
        }
        out.print(Evaluation.of(loaded, rows).report());

        // What the router uses: the rules plus the urgency model; the rules alone on one line, for comparison.
        ClassificationRules urgencyRules = rules == null ? ClassificationRules.defaults() : ClassificationRules.load(rules);
        List<LabelledText> urgent = urgencyInput == null ? UrgencyReading.shippedSet() : LabelledCsv.read(urgencyInput, "urgency");
        out.println();
        out.println("urgency (" + (urgencyInput == null ? "the shipped urgency set" : urgencyInput) + ", " + urgent.size()
                + " texts; rules plus urgency model)");
        out.print(UrgencyReading.evaluate(new UrgencyReading(urgencyRules), urgent));
        String rulesAlone = UrgencyReading.evaluate(new UrgencyReading(urgencyRules, null), urgent);
        out.println("rules alone: " + rulesAlone.lines().filter(l -> l.startsWith("accuracy=") || l.startsWith("urgent_called_low="))
                .collect(java.util.stream.Collectors.joining(" ")));
        return 0;
    }
}

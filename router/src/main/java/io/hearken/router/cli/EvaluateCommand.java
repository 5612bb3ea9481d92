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

/**
 * {@code evaluate --model model.bin --input test.csv}: per-class figures of the category model, then urgency's;
 * with {@code --against current.bin} the two models side by side on the same test set.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Scores a model on a labelled CSV (accuracy, macro-F1, per-class precision/recall/F1, confusion",
                "matrix), then the urgency reading on a text,urgency CSV (default: the shipped urgency set).",
                "With --against: both models side by side on the same test set, and the difference in macro-F1."})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "model.bin")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "test.csv", description = "text,label CSV")
    Path input;

    @Option(names = "--against", paramLabel = "current.bin",
            description = "the model in service (the file hearken.router.model names), to compare the new one with")
    Path against;

    @Option(names = "--urgency-input", paramLabel = "urgency.csv",
            description = "text,urgency CSV (URGENT, NORMAL, LOW); default: the shipped urgency set")
    Path urgencyInput;

    @Option(names = "--rules", paramLabel = "rules.yml", description = "the rules the urgency reading uses; default: the shipped ones")
    Path rules;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TextModel loaded = load(model);
        TextModel current = against == null ? null : load(against);
        List<LabelledText> rows = LabelledCsv.read(input);
        warnUnknown(err, loaded, rows, against == null ? "the model" : model.toString());
        if (current == null) {
            out.print(Evaluation.of(loaded, rows).report());
        } else {
            warnUnknown(err, current, rows, against.toString());
            out.print(Evaluation.of(loaded, rows).sideBySide("new " + model.getFileName(), Evaluation.of(current, rows),
                    "current " + against.getFileName()));
        }

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

    private static TextModel load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no model file at " + file + " (make one with: train --input train.csv --model "
                    + file + ")");
        }
        return TextModel.load(file);
    }

    private static void warnUnknown(PrintWriter err, TextModel model, List<LabelledText> rows, String name) {
        Set<String> known = model.labels();
        Set<String> unknown = new TreeSet<>();
        rows.forEach(r -> {
            if (!known.contains(r.label())) {
                unknown.add(r.label());
            }
        });
        if (!unknown.isEmpty()) {
            err.println("warning: labels " + name + " was not trained on (always counted wrong): " + unknown);
        }
    }
}

package io.hearken.router.classification;

import io.hearken.router.engine.DefaultModel;

/** The default model, trained once per test JVM (and cached in the temp folder across runs). */
public final class Models {

    private static TextModel model;

    private Models() {
    }

    public static synchronized TextModel defaultModel() {
        if (model == null) {
            model = DefaultModel.load(null);
        }
        return model;
    }

    public static Classifier defaultClassifier() {
        return new Classifier(defaultModel(), ClassificationRules.defaults(), 0.45, "other");
    }
}

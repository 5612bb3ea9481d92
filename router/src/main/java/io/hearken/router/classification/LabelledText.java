package io.hearken.router.classification;

/** One line of a training or test set. */
public record LabelledText(String text, String label) {

    public LabelledText {
        if (text == null || text.isBlank() || label == null || label.isBlank()) {
            throw new IllegalArgumentException("text and label must not be blank");
        }
        label = label.strip();
    }
}

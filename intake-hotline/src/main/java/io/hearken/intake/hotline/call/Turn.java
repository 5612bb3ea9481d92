package io.hearken.intake.hotline.call;

/** One speaker turn of a transcript. */
public record Turn(Speaker speaker, String text) {

    public enum Speaker { AGENT, CALLER }
}

package io.hearken.intake.hotline.parsing;

/** Why one row / call / the file could not be taken; {@code line} is 1-based, 0 for the whole file. */
public record Problem(int line, String callId, String reason) {

    @Override
    public String toString() {
        return (line > 0 ? "line " + line : "file") + (callId == null ? "" : " (call " + callId + ")") + ": " + reason;
    }
}

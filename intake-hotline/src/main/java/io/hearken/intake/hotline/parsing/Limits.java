package io.hearken.intake.hotline.parsing;

/**
 * What one call may hold ({@code hearken.hotline.max-turns}, {@code max-text-chars}): a reader keeps no more than
 * this of a call in memory, and a call beyond it is a problem of its own line, never a file that cannot finish.
 */
record Limits(int maxTurns, int maxTextChars) {

    void checkText(long chars) {
        if (chars > maxTextChars) {
            throw new IllegalArgumentException(textTooLong());
        }
    }

    void checkTurns(int turns) {
        if (turns > maxTurns) {
            throw new IllegalArgumentException(tooManyTurns());
        }
    }

    String textTooLong() {
        return "通话文本超过 " + maxTextChars + " 个字符 / the call's text (transcript or turns) is longer than " + maxTextChars
                + " characters (hearken.hotline.max-text-chars)";
    }

    String tooManyTurns() {
        return "通话超过 " + maxTurns + " 段发言 / the call has more than " + maxTurns
                + " turns (hearken.hotline.max-turns)";
    }
}

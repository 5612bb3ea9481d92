package io.hearken.router.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What text every match of a rule's pattern must contain, read from the pattern itself, so that a text without it is
 * ruled out by {@link String#contains} before the regex runs: Java's regex engine tries a pattern at every position of
 * the text, and most of the rules' hundreds of patterns match almost no text. The answer is a list of choices, each a
 * list of literals of which the text must contain at least one: {@code (煤气|燃气)[^，。]{0,6}(味|漏)} gives
 * {@code [[煤气, 燃气], [味, 漏]]}.
 * <p>
 * Only the pattern's top level is read, and only two shapes count: a run of plain characters, and a group of plain
 * alternatives ({@code (a|bc)} or {@code (?:a|bc)}), each not made optional by a quantifier. Anything else (a class,
 * an escape, a lookaround, a nested or quantified group) is stepped over and adds nothing; a top-level {@code |}, an
 * inline flag or anything not understood gives no choices at all: then the pattern always runs. Over-reading would
 * silently drop matches, so when in doubt this says less.
 */
final class RequiredText {

    private static final String SPECIAL = "\\[](){}.*+?^$|";

    private RequiredText() {
    }

    /** The choices every match of {@code regex} contains; empty when nothing can be said. */
    static List<List<String>> of(String regex) {
        try {
            return read(regex);
        } catch (GiveUp e) {
            return List.of();
        }
    }

    private static List<List<String>> read(String regex) {
        List<List<String>> choices = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (SPECIAL.indexOf(c) < 0) {
                run.append(c);
                i++;
                continue;
            }
            if ((c == '*' || c == '?' || c == '{') && !run.isEmpty()) {
                run.setLength(run.offsetByCodePoints(run.length(), -1)); // the character before may be absent
            }
            addRun(run, choices);
            switch (c) {
                case '(' -> i = group(regex, i, choices);
                case '[' -> i = quantified(regex, classEnd(regex, i) + 1);
                case '\\' -> i = escape(regex, i);
                case '.', '^', '$' -> i = quantified(regex, i + 1);
                case '*', '+', '?' -> i = lazyOrPossessive(regex, i + 1);
                case '{' -> i = lazyOrPossessive(regex, closing(regex, i, '}') + 1);
                default -> throw new GiveUp(); // a top-level '|' (either side may match) or an unbalanced ')' ']' '}'
            }
        }
        addRun(run, choices);
        return choices;
    }

    /** A group: its alternatives count when they are all plain and the group is not made optional. */
    private static int group(String regex, int open, List<List<String>> choices) {
        int close = groupEnd(regex, open);
        String inside = regex.substring(open + 1, close);
        boolean plain = !inside.startsWith("?");
        if (inside.startsWith("?")) {
            if (inside.startsWith("?:")) {
                inside = inside.substring(2);
                plain = true;
            } else if (!inside.startsWith("?=") && !inside.startsWith("?!") && !inside.startsWith("?<=")
                    && !inside.startsWith("?<!")) {
                throw new GiveUp(); // an inline flag or a named group: not read
            }
        }
        int after = close + 1;
        boolean optional = after < regex.length() && "?*{".indexOf(regex.charAt(after)) >= 0;
        if (plain && !optional) {
            List<String> alternatives = Arrays.asList(inside.split("\\|", -1));
            boolean literal = alternatives.stream()
                    .allMatch(a -> !a.isEmpty() && a.chars().noneMatch(ch -> SPECIAL.indexOf(ch) >= 0));
            if (literal) {
                choices.add(List.copyOf(alternatives));
            }
        }
        return quantified(regex, after);
    }

    /**
     * Past an escape and its quantifier. An escape is never taken as a literal (\. \b \s \d \p{L} ...); one whose
     * length is not plain (\x41, \0101, a back-reference, a quoted \Q...\E span) is not read.
     */
    private static int escape(String regex, int at) {
        char next = at + 1 < regex.length() ? regex.charAt(at + 1) : 'x';
        if ((next == 'p' || next == 'P') && at + 2 < regex.length() && regex.charAt(at + 2) == '{') {
            return quantified(regex, closing(regex, at + 2, '}') + 1);
        }
        if (Character.isLetterOrDigit(next) && "bBsSdDwWhHvVRXAzZGntrfae".indexOf(next) < 0) {
            throw new GiveUp();
        }
        return quantified(regex, at + 2);
    }

    /** Past a quantifier that follows position {@code at}, if there is one. */
    private static int quantified(String regex, int at) {
        if (at < regex.length()) {
            char c = regex.charAt(at);
            if (c == '{') {
                return lazyOrPossessive(regex, closing(regex, at, '}') + 1);
            }
            if (c == '*' || c == '+' || c == '?') {
                return lazyOrPossessive(regex, at + 1);
            }
        }
        return at;
    }

    private static int lazyOrPossessive(String regex, int at) {
        return at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+') ? at + 1 : at;
    }

    private static void addRun(StringBuilder run, List<List<String>> choices) {
        if (!run.isEmpty()) {
            choices.add(List.of(run.toString()));
            run.setLength(0);
        }
    }

    /** The index of the ')' closing the group opened at {@code open}, skipping escapes and classes. */
    private static int groupEnd(String regex, int open) {
        int depth = 0;
        for (int i = open; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                escape(regex, i); // refuses the escapes whose length is not plain
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new GiveUp();
    }

    /** The index of the ']' closing the class opened at {@code open} (a ']' first in it is a member). */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                throw new GiveUp(); // a nested class (union, intersection): not read
            } else if (c == ']') {
                return i;
            }
        }
        throw new GiveUp();
    }

    private static int closing(String regex, int open, char close) {
        int at = regex.indexOf(close, open);
        if (at < 0) {
            throw new GiveUp();
        }
        return at;
    }

    private static final class GiveUp extends RuntimeException {
        GiveUp() {
            super(null, null, false, false);
        }
    }
}

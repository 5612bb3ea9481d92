package io.hearken.desk.api;

import io.hearken.desk.actions.DeskProblem;

/**
 * The {@code page} and {@code size} of a queue request: page from 1 (default 1), size 1 to {@value #MAX_SIZE}
 * (default {@value #DEFAULT_SIZE}). Anything else is a 400 problem that says so in the person's language.
 */
record Paging(int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    static Paging of(String page, String size) {
        int p = number(page, 1, Integer.MAX_VALUE, 1);
        int s = number(size, DEFAULT_SIZE, MAX_SIZE, 1);
        return new Paging(p, s);
    }

    private static int number(String value, int absent, int max, int min) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // the same answer as out of range
        }
        throw DeskProblem.invalid("problem.paging", MAX_SIZE);
    }
}

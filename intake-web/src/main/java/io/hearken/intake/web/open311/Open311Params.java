package io.hearken.intake.web.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** Open311's request parameters read strictly: a bad one is a 400 in the spec's format, naming the parameter. */
final class Open311Params {

    private Open311Params() {
    }

    static Double coordinate(String text, String name, double max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isNaN(value) || Math.abs(value) > max) {
                throw new Open311Error(400, name + " is out of range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new Open311Error(400, name + " is not a number");
        }
    }

    static Instant date(String text, String name) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.strip());
            } catch (DateTimeParseException e2) {
                throw new Open311Error(400, name + " must be ISO 8601 with a zone, e.g. 2026-11-01T00:00:00Z");
            }
        }
    }

    static List<String> split(String csv) {
        return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package io.hearken.router.yaml;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * An operator's YAML file that does not fit, told in one sentence: the file, the line and column Jackson
 * reports, the key (list items counted from 1) and what is wrong with it — no Java type names.
 */
public final class YamlFileException extends IllegalArgumentException {

    YamlFileException(String message) {
        super(message);
    }

    YamlFileException(String file, JacksonException e, TokenStreamLocation at) {
        super(file + where(at) + ": " + what(e), e);
    }

    private static String what(JacksonException e) {
        List<JacksonException.Reference> path = e.getPath();
        if (e instanceof UnrecognizedPropertyException u) {
            List<JacksonException.Reference> parent = path.isEmpty() ? path : path.subList(0, path.size() - 1);
            return "unknown key '" + u.getPropertyName() + "'" + (parent.isEmpty() ? "" : " in " + key(parent))
                    + " (a typo?); the keys allowed there are " + known(u.getKnownPropertyIds());
        }
        if (e instanceof InvalidFormatException f) {
            return key(path) + ": '" + f.getValue() + "' is not " + expected(f.getTargetType());
        }
        if (e instanceof ValueInstantiationException) {
            return (path.isEmpty() ? "" : key(path) + ": ") + reason(e);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return (path.isEmpty() ? "the file" : key(path)) + " should be " + expected(m.getTargetType());
        }
        if (e instanceof StreamReadException) {
            // SnakeYAML quotes the line with a caret under the spot: the location above says it already.
            String message = e.getOriginalMessage().replaceAll("\\s*in reader, line \\d+, column \\d+:[^^]*\\^", "")
                    .replaceAll("\\s+", " ").strip();
            return message.startsWith("Duplicate") ? "a key is given twice (" + message + ")" : "not valid YAML: " + message;
        }
        return (path.isEmpty() ? "" : key(path) + ": ") + e.getOriginalMessage();
    }

    private static String where(TokenStreamLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : " line " + at.getLineNr() + " column " + at.getColumnNr();
    }

    /** {@code rules[2].department}: the way the file nests, items counted from 1 as an operator counts. */
    private static String key(List<JacksonException.Reference> path) {
        StringBuilder key = new StringBuilder();
        for (JacksonException.Reference r : path) {
            if (r.getPropertyName() != null) {
                key.append(key.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                key.append('[').append(r.getIndex() + 1).append(']');
            }
        }
        return "'" + key + "'";
    }

    /** What the creator refused (a bad pattern, a department code): its own message, not Jackson's wrapper. */
    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && (cause instanceof JacksonException || cause.getMessage() == null)) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "(none)" : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == Duration.class) {
            return "a duration (ISO-8601, e.g. PT30M, PT1H, P5D)";
        }
        if (type == LocalTime.class) {
            return "a time of day (e.g. \"09:00\")";
        }
        if (type == LocalDate.class) {
            return "a date (yyyy-mm-dd)";
        }
        if (ZoneId.class.isAssignableFrom(type)) {
            return "a time zone (e.g. Asia/Shanghai)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a single value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "a mapping (key: value)" : type.getSimpleName();
    }
}

package io.hearken.app.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough reading of Java source for {@link PropertyKeys}: a record's components, annotations left out. */
final class RecordSource {

    private RecordSource() {
    }

    /** The text between the parentheses of {@code record name(…)}, in {@code near} first. */
    static String components(TheHouse house, String name, Path near) {
        List<Path> candidates = new ArrayList<>(List.of(near));
        candidates.addAll(house.filesDeclaring(name));
        for (Path file : candidates) {
            String code = house.code(file);
            Matcher header = Pattern.compile("\\brecord\\s+" + Pattern.quote(name) + "\\s*\\(").matcher(code);
            if (header.find()) {
                int depth = 1;
                int i = header.end();
                for (; depth > 0 && i < code.length(); i++) {
                    depth += code.charAt(i) == '(' ? 1 : code.charAt(i) == ')' ? -1 : 0;
                }
                return code.substring(header.end(), i - 1);
            }
        }
        return null;
    }

    static String withoutAnnotations(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '@') {
                out.append(text.charAt(i));
                continue;
            }
            i++;
            while (i < text.length() && (Character.isJavaIdentifierPart(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '(') {
                int depth = 0;
                for (; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '"') {
                        for (i++; i < text.length() && text.charAt(i) != '"'; i++) {
                            i += text.charAt(i) == '\\' ? 1 : 0;
                        }
                    } else if (c == '(' || c == ')') {
                        depth += c == '(' ? 1 : -1;
                        if (depth == 0) {
                            break;
                        }
                    }
                }
            } else {
                i--;
            }
            out.append(' ');
        }
        return out.toString().replaceAll("\\s+", " ");
    }

    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                for (i++; i < text.length() && text.charAt(i) != '"'; i++) {
                    i += text.charAt(i) == '\\' ? 1 : 0;
                }
                continue;
            }
            depth += c == '<' || c == '(' || c == '{' ? 1 : c == '>' || c == ')' || c == '}' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}

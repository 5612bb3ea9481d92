package io.hearken.desk.replies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hearken.desk.replies.<department>[i].title|text|language}: canned replies per department, and under
 * {@code office} the set every department gets. {@code language} is {@code zh-CN} or {@code en} (absent: offered for
 * both). Placeholders: {@value #PLACEHOLDERS_DOC}; any other {@code {name}} stops the start, naming the setting, so a
 * text cannot grow a field for a staff member's personal contact. Without configuration the office set is a small
 * built-in one.
 */
@ConfigurationProperties("hearken.desk")
public record CannedRepliesProperties(Map<String, List<Reply>> replies) {

    public static final String OFFICE = "office";
    static final Set<String> PLACEHOLDERS = Set.of("trackingId", "department", "building");
    static final String PLACEHOLDERS_DOC = "{trackingId}, {department}, {building}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    public record Reply(String title, String text, String language) {
    }

    public CannedRepliesProperties {
        replies = replies == null || replies.isEmpty() ? BuiltIn.replies() : new LinkedHashMap<>(replies);
        replies.forEach((department, list) -> {
            for (int i = 0; i < list.size(); i++) {
                check("hearken.desk.replies." + department + "[" + i + "]", list.get(i));
            }
        });
    }

    private static void check(String name, Reply reply) {
        if (reply == null || reply.title() == null || reply.title().isBlank() || reply.text() == null
                || reply.text().isBlank()) {
            throw new IllegalArgumentException(name + ": a canned reply needs a title and a text");
        }
        if (reply.text().length() > 2000 || reply.title().length() > 100) {
            throw new IllegalArgumentException(name + ": title at most 100, text at most 2000 characters");
        }
        if (reply.language() != null && !reply.language().equals("zh-CN") && !reply.language().equals("en")) {
            throw new IllegalArgumentException(name + ".language: zh-CN or en (or leave it out), not " + reply.language());
        }
        Matcher m = PLACEHOLDER.matcher(reply.text());
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new IllegalArgumentException(name + ".text: unknown placeholder {" + m.group(1) + "}; known: "
                        + PLACEHOLDERS_DOC);
            }
        }
    }
}

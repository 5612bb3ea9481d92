package io.hearken.embedded.mail;

import jakarta.mail.Flags;
import java.util.Map;
import java.util.StringJoiner;

/** A message's flags as one line of text (IMAP spelling); \Recent is a session's view, not kept. */
final class MessageFlags {

    private static final Map<Flags.Flag, String> SYSTEM = Map.of(Flags.Flag.SEEN, "\\Seen", Flags.Flag.DELETED, "\\Deleted",
            Flags.Flag.ANSWERED, "\\Answered", Flags.Flag.FLAGGED, "\\Flagged", Flags.Flag.DRAFT, "\\Draft");

    private MessageFlags() {
    }

    static String format(Flags flags) {
        StringJoiner line = new StringJoiner(" ");
        SYSTEM.forEach((flag, name) -> {
            if (flags.contains(flag)) {
                line.add(name);
            }
        });
        for (String user : flags.getUserFlags()) {
            line.add(user);
        }
        return line.toString();
    }

    static Flags parse(String line) {
        Flags flags = new Flags();
        for (String token : line.strip().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            SYSTEM.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(token)).findFirst()
                    .ifPresentOrElse(e -> flags.add(e.getKey()), () -> flags.add(token));
        }
        return flags;
    }
}

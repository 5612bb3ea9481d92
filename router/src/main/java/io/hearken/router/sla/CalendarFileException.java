package io.hearken.router.sla;

import java.util.List;

/** A calendar file the router refuses: every problem found, each naming the file and the line. */
public final class CalendarFileException extends IllegalArgumentException {

    private final List<String> problems;

    public CalendarFileException(List<String> problems) {
        super("Invalid SLA calendar file(s):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

package io.hearken.events.config;

import java.util.List;

/** Thrown by {@link ProductionGuard}: the settings that a production start refuses, one line each. */
public class InsecureSettingsException extends IllegalStateException {

    private final List<String> problems;

    public InsecureSettingsException(List<String> problems) {
        super("The prod profile refuses to start with demo or default settings:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

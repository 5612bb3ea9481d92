package io.hearken.router.engine;

import io.hearken.router.sla.CalendarFileException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the refused calendar entries as Spring Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
class SlaCalendarFailureAnalyzer extends AbstractFailureAnalyzer<CalendarFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CalendarFileException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the entries named above (file and line), or remove the file from hearken.router.sla-calendar.dir"
                        + " (its year then counts as plain weeks without public holidays). The format is in"
                        + " docs/router.md, section \"SLA calendar\".", cause);
    }
}

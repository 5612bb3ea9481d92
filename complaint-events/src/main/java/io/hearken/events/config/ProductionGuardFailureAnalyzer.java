package io.hearken.events.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the refused settings as Spring Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
class ProductionGuardFailureAnalyzer extends AbstractFailureAnalyzer<InsecureSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InsecureSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Change the settings named above (each with its environment variable), e.g. in .env for"
                        + " docker-compose.yml. Demo settings belong to the all-in-one, which runs without the"
                        + " '" + ProductionGuard.PROFILE + "' profile.", cause);
    }
}

package io.hearken.router.engine;

import io.hearken.router.yaml.YamlFileException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A refused rules, routing or SLA file as Boot's "APPLICATION FAILED TO START" report: the sentence, no stack trace. */
class YamlFileFailureAnalyzer extends AbstractFailureAnalyzer<YamlFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, YamlFileException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the file at the line named above (hearken.router.rules, .routing-table or .sla), or remove the"
                        + " setting to use the shipped file. The formats are in docs/router.md.", cause);
    }
}

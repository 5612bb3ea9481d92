package io.hearken.router.triage;

import io.hearken.events.ComplaintRouted;
import io.hearken.events.Departments;
import io.hearken.events.limits.AddressLimit;
import io.hearken.router.assignment.RoutingTable;
import io.hearken.router.classification.Classifier;
import io.hearken.router.sla.SlaPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Suggests category, urgency and department while an agent or resident types. Open: no login. */
@RestController
@EnableConfigurationProperties(TriageLimit.class)
class TriageController {

    private final Classifier classifier;
    private final RoutingTable table;
    private final SlaPolicy sla;
    private final Clock clock;
    private final AddressLimit limit;

    TriageController(Classifier classifier, RoutingTable table, SlaPolicy sla, @Qualifier("routerClock") Clock clock,
            TriageLimit limit) {
        this.limit = new AddressLimit(limit.capacity(), limit.period());
        this.classifier = classifier;
        this.table = table;
        this.sla = sla;
        this.clock = clock;
    }

    record TriageRequest(@NotBlank(message = "text must not be blank / 请填写投诉内容")
                         @Size(max = 20_000, message = "text is too long (max 20000 characters) / 内容过长（最多20000字）")
                         String text) {
    }

    record TriageResponse(String category, String urgency, String department, double confidence, List<String> reasons,
            boolean needsTriage, List<ComplaintRouted.Suggestion> suggestions, String sentiment, String customerType) {
    }

    @PostMapping(path = "/api/v1/triage", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    TriageResponse triage(@Valid @RequestBody TriageRequest request, HttpServletRequest http) {
        long wait = limit.take(http.getRemoteAddr());
        if (wait > 0) {
            throw new TriageProblems.TooMany(wait);
        }
        ComplaintRouted.Classification c = classifier.classify(request.text(), null);
        String department = c.needsTriage() ? Departments.TRIAGE
                : table.route(new RoutingTable.Request(c.category(), c.urgency(), null, c.customerType(),
                        !sla.calendar().isOpen(clock.instant()))).department();
        return new TriageResponse(c.category(), c.urgency().name().toLowerCase(Locale.ROOT), department, c.confidence(),
                c.reasons(), c.needsTriage(), c.suggestions(), c.sentiment().name().toLowerCase(Locale.ROOT),
                c.customerType().name().toLowerCase(Locale.ROOT));
    }
}

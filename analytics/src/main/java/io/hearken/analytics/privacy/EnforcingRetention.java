package io.hearken.analytics.privacy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.hearken.analytics.indexing.ComplaintDocument;
import io.hearken.events.Actor;
import io.hearken.events.ComplaintAnonymised;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Events;
import io.hearken.events.privacy.PrivacyProperties;
import io.hearken.readmodel.Indices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The retention policy ({@code hearken.privacy.retention}): a complaint resolved or closed longer ago than that is
 * anonymised as by an erasure ({@link ErasingResidents}, reason {@code retention}, by {@code retention-policy}), at
 * start and then every {@code hearken.analytics.privacy.retention-interval}; one audit record per run. The index
 * says which are due (status and the time it was reached); dashboards keep counting them. Without a retention set,
 * nothing runs. Several analytics instances may each run it: a complaint anonymised twice is no harm.
 */
@Component("analyticsEnforcingRetention")
class EnforcingRetention implements SmartLifecycle {

    static final String POLICY = "retention-policy";
    private static final Logger log = LoggerFactory.getLogger(EnforcingRetention.class);

    private final ErasingResidents erasing;
    private final ElasticsearchClient elasticsearch;
    private final PrivacyProperties privacy;
    private final ErasureProperties properties;
    private final PrivacyJobs jobs;
    private volatile boolean running;

    EnforcingRetention(ErasingResidents erasing, ElasticsearchClient elasticsearch, PrivacyProperties privacy,
            ErasureProperties properties, PrivacyJobs jobs) {
        this.erasing = erasing;
        this.elasticsearch = elasticsearch;
        this.privacy = privacy;
        this.properties = properties;
        this.jobs = jobs;
    }

    /** Anonymises (up to a batch of) the complaints resolved or closed more than {@code retention} ago; how many. */
    int enforce(Duration retention) {
        List<ComplaintId> due = dueBefore(Instant.now().minus(retention));
        if (due.isEmpty()) {
            return 0;
        }
        erasing.anonymise("RT-" + Events.newId(), due, List.of(), Actor.system(POLICY), ComplaintAnonymised.RETENTION);
        return due.size();
    }

    private List<ComplaintId> dueBefore(Instant cutoff) {
        List<FieldValue> done = List.of(FieldValue.of(ComplaintStatus.RESOLVED.name()),
                FieldValue.of(ComplaintStatus.CLOSED.name()));
        try {
            return elasticsearch.search(s -> s.index(Indices.COMPLAINTS).ignoreUnavailable(true).allowNoIndices(true)
                            .size(properties.retentionBatch()).source(src -> src.filter(f -> f.includes("id")))
                            .sort(o -> o.field(f -> f.field("statusAt").order(SortOrder.Asc)))
                            .query(q -> q.bool(b -> b
                                    .filter(f -> f.terms(t -> t.field("status").terms(v -> v.value(done))))
                                    .filter(f -> f.range(r -> r.date(d -> d.field("statusAt").lt(cutoff.toString()))))
                                    .mustNot(m -> m.term(t -> t.field("anonymised").value(true))))),
                    ComplaintDocument.class)
                    .hits().hits().stream().map(Hit::id).filter(ComplaintId::isValid).map(ComplaintId::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unreachable", e);
        }
    }

    @Override
    public void start() {
        running = true;
        Duration retention = privacy.retention();
        if (retention == null) {
            return;
        }
        log.info("Retention policy: personal data of complaints resolved or closed over {} ago is erased; checked"
                + " every {}", retention, properties.retentionInterval());
        jobs.every(properties.retentionInterval(), "The retention policy", () -> {
            int anonymised = enforce(retention);
            if (anonymised > 0) {
                log.info("Retention policy anonymised {} complaints", anonymised);
            }
        });
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

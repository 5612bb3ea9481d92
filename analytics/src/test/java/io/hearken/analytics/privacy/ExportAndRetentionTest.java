package io.hearken.analytics.privacy;

import static io.hearken.analytics.Fixtures.newId;
import static io.hearken.analytics.Fixtures.resolved;
import static io.hearken.analytics.Fixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.analytics.AnalyticsIntegrationTest;
import io.hearken.analytics.indexing.ComplaintDocument;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.Departments;
import io.hearken.events.Topics;
import io.hearken.events.kafka.StateTopic;
import io.hearken.events.privacy.Sealing;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The access right (export) and the retention policy, on the real topics and index. */
@AutoConfigureTestRestTemplate
class ExportAndRetentionTest extends AnalyticsIntegrationTest {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    Sealing sealing;
    @Autowired
    KafkaProperties kafkaProperties;
    @Autowired
    EnforcingRetention retention;
    @Autowired
    ErasureAudit audit;

    @Test
    void theExportHoldsTheResidentsComplaintsDecryptedAndNobodyElses() throws Exception {
        Residents resident = Residents.next();
        Residents other = Residents.next();
        String building = "X-" + resident.word();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        ComplaintId mine = newId();
        ComplaintId theirs = newId();
        var received = resident.complaint(mine, t0, building);
        var receivedOther = other.complaint(theirs, t0.plusSeconds(1), building);
        var routedMine = routed(received, t0.plusSeconds(2), "facility", Departments.MAINTENANCE);
        var routedOther = routed(receivedOther, t0.plusSeconds(3), "facility", Departments.MAINTENANCE);
        publish(Topics.ROUTED, routedMine, routedOther);
        // The router's snapshots, sealed as the router writes them.
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), StateTopic.serializer(sealing))) {
            for (var routed : List.of(routedMine, routedOther)) {
                producer.send(new ProducerRecord<>(Topics.STATE, routed.complaintId().value(),
                        ComplaintSnapshot.empty(routed.complaintId()).with(routed))).get(30, TimeUnit.SECONDS);
            }
        }
        awaitComplaint(mine, d -> d.department != null);
        awaitComplaint(theirs, d -> d.department != null);
        refresh();

        ResponseEntity<String> response = anonymous.withBasicAuth("liu.yang", "demo")
                .getForEntity("/api/v1/privacy/export?contact={c}", String.class, resident.email().toUpperCase());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");
        String export = response.getBody();
        // The state decrypted: their name, contacts, words, unit; and the index document.
        assertThat(export).contains(mine.value(), resident.name(), resident.email(), resident.phone(),
                "楼道里的灯坏了 " + resident.word(), "幸福路 8 号 " + resident.word(), "\"contactHash\"", "\"department\"");
        assertThat(export).doesNotContain(theirs.value(), other.word(), other.email(), other.phone(), "\"sealed\"");
    }

    @Test
    void retentionAnonymisesAComplaintClosedLongAgoAndLeavesARecentOne() throws Exception {
        // The index is shared by every test: "long ago" is before any other test's dates (the oldest are of 2018).
        Instant cutoff = ZonedDateTime.of(2005, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
        Instant old = ZonedDateTime.of(1999, 5, 3, 9, 0, 0, 0, ZoneOffset.UTC).toInstant();
        Instant recent = ZonedDateTime.of(2010, 5, 3, 9, 0, 0, 0, ZoneOffset.UTC).toInstant();
        Residents resident = Residents.next();
        String building = "R-" + resident.word();
        ComplaintId expired = newId();
        ComplaintId fresh = newId();
        var r1 = resident.complaint(expired, old, building);
        var r2 = resident.complaint(fresh, recent, building);
        publish(Topics.ROUTED, routed(r1, old.plusSeconds(1), "facility", Departments.CLEANING),
                routed(r2, recent.plusSeconds(1), "facility", Departments.CLEANING));
        publish(Topics.UPDATES, resolved(expired, old.plus(Duration.ofDays(1)), Departments.CLEANING, "done"),
                resolved(fresh, recent.plus(Duration.ofDays(1)), Departments.CLEANING, "done"));
        awaitComplaint(expired, d -> "RESOLVED".equals(d.status));
        awaitComplaint(fresh, d -> "RESOLVED".equals(d.status));
        refresh();

        int anonymised = retention.enforce(Duration.between(cutoff, Instant.now()));
        assertThat(anonymised).isGreaterThanOrEqualTo(1);

        ComplaintDocument gone = awaitComplaint(expired, d -> Boolean.TRUE.equals(d.anonymised));
        assertThat(gone.description).isNull();
        assertThat(gone.contactHash).isNull();
        assertThat(gone.status).isEqualTo("RESOLVED");
        assertThat(gone.department).isEqualTo(Departments.CLEANING);
        assertThat(gone.resolutionMinutes).isEqualTo(Duration.ofDays(1).toMinutes());
        ComplaintDocument kept = complaint(fresh).orElseThrow();
        assertThat(kept.anonymised).isNull();
        assertThat(kept.description).contains(resident.word());
        // Dashboards keep their counts: both complaints are still in the index of that building.
        refresh();
        assertThat(raw("GET", "/complaints/_count?q=building:" + building)).contains("\"count\":2");
        assertThat(audit.all()).filteredOn(e -> e.complaintIds().contains(expired)).singleElement().satisfies(e -> {
            assertThat(e.by()).isEqualTo(EnforcingRetention.POLICY);
            assertThat(e.reason()).isEqualTo("retention");
            assertThat(e.erasureId()).startsWith("RT-");
            assertThat(e.complaintIds()).doesNotContain(fresh);
        });
        // A second run finds nothing more of these.
        retention.enforce(Duration.between(cutoff, Instant.now()));
        assertThat(audit.all()).filteredOn(e -> e.complaintIds().contains(expired)).hasSize(1);
    }
}

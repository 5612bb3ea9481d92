package io.hearken.analytics.privacy;

import static io.hearken.analytics.Fixtures.newId;
import static io.hearken.analytics.Fixtures.resolved;
import static io.hearken.analytics.Fixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.analytics.AnalyticsIntegrationTest;
import io.hearken.analytics.indexing.ComplaintDocument;
import io.hearken.analytics.indexing.EventDocument;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintId;
import io.hearken.events.Departments;
import io.hearken.events.Events;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.Topics;
import io.hearken.events.privacy.DataKeys;
import io.hearken.events.privacy.PersonalData;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A manager erases a resident: keys destroyed, the index forgets them, every service is told, the erasure audited. */
@AutoConfigureTestRestTemplate
class ErasureTest extends AnalyticsIntegrationTest {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    PersonalData personalData;
    @Autowired
    DataKeys dataKeys;
    @Autowired
    ErasureAudit audit;

    @Test
    void theErasedResidentsComplaintsLoseEveryPersonalFieldAndAnotherResidentsStay() throws Exception {
        Residents erased = Residents.next();
        Residents other = Residents.next();
        String building = "E-" + java.util.UUID.randomUUID().toString().substring(0, 8); // kept: not the resident's
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
        ComplaintId first = newId();
        ComplaintId second = newId();
        ComplaintId kept = newId();
        var r1 = erased.complaint(first, t0, building);
        var r2 = erased.complaint(second, t0.plusSeconds(5), building);
        var r3 = other.complaint(kept, t0.plusSeconds(10), building);
        publish(Topics.INTAKE_WEB, r1, r2, r3, new FollowUpReceived(Events.newId(), first, t0.plusSeconds(60),
                Channel.WEB, "ref-f", "tracking-id", "还是不亮 " + erased.word(), List.of()));
        publish(Topics.ROUTED, routed(r1, t0.plusSeconds(1), "facility", Departments.MAINTENANCE),
                routed(r2, t0.plusSeconds(6), "facility", Departments.MAINTENANCE),
                routed(r3, t0.plusSeconds(11), "facility", Departments.MAINTENANCE));
        var resolution = resolved(first, t0.plusSeconds(3600), Departments.MAINTENANCE, "已为 " + erased.word() + " 换灯");
        publish(Topics.UPDATES, resolution);
        publish(Topics.INTAKE_WEB, new FeedbackGiven(Events.newId(), first, t0.plusSeconds(7200), Channel.WEB, 5,
                "谢谢 " + erased.word()));
        awaitComplaint(first, d -> "CLOSED".equals(d.status) && d.followUps == 1);
        awaitComplaint(second, d -> d.department != null);
        awaitComplaint(kept, d -> d.department != null);
        refresh();
        assertThat(raw("GET", "/complaint-events/_search?size=50&q=complaintId:" + first.value()))
                .contains(erased.word()); // the words were there before

        // Erased by the phone number, written as a resident might: the hash normalises it.
        String phone = "+86 " + erased.phone().substring(0, 3) + "-" + erased.phone().substring(3, 7) + "-"
                + erased.phone().substring(7);
        ResponseEntity<Map> response = manager().postForEntity("/api/v1/privacy/erasure", Map.of("contact", phone),
                Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String erasureId = (String) response.getBody().get("erasureId");
        assertThat(erasureId).startsWith("ER-");
        assertThat(response.getBody().get("complaints")).isEqualTo(2);
        assertThat(response.getBody().get("at")).isNotNull();
        assertThat(response.getBody().toString()).doesNotContain(erased.phone(), erased.email());

        for (ComplaintId id : List.of(first, second)) {
            ComplaintDocument doc = awaitComplaint(id, d -> Boolean.TRUE.equals(d.anonymised));
            assertThat(doc.description).isNull();
            assertThat(doc.subject).isNull();
            assertThat(doc.unit).isNull();
            assertThat(doc.location).isNull();
            assertThat(doc.contactHash).isNull();
            // What the dashboards count stays.
            assertThat(doc.category).isEqualTo("facility");
            assertThat(doc.department).isEqualTo(Departments.MAINTENANCE);
            assertThat(doc.channel).isEqualTo("WEB");
            assertThat(doc.building).isEqualTo(building);
            assertThat(doc.receivedAt).isNotNull();
            assertThat(doc.slaStatus).isNotNull();
        }
        assertThat(complaint(first).orElseThrow().status).isEqualTo("CLOSED");
        assertThat(complaint(first).orElseThrow().satisfaction).isEqualTo(5);
        // The event documents lose their texts just after the complaint document (same batch of the indexer).
        for (ComplaintId id : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(events(id)).allSatisfy(e -> {
                assertThat(e.text()).isNull();
                assertThat(e.reason()).isNull();
            }));
        }
        List<EventDocument> events = events(first);
        // Every service was told on complaints.updates (the indexer read it there), by the manager.
        assertThat(events).filteredOn(e -> "complaint-anonymised".equals(e.type())).singleElement().satisfies(e -> {
            assertThat(e.topic()).isEqualTo(Topics.UPDATES);
            assertThat(e.actorRole()).isEqualTo("MANAGER");
            assertThat(e.kind()).isEqualTo("request");
        });
        refresh();
        for (ComplaintId id : List.of(first, second)) {
            String stored = raw("GET", "/complaints/_doc/" + id.value())
                    + raw("GET", "/complaint-events/_search?size=50&q=complaintId:" + id.value());
            assertThat(stored).doesNotContain(erased.word(), erased.email(), erased.phone(), erased.name(), "幸福路",
                    personalData.hash(erased.email()));
        }
        // (The analyzer splits the made-up word, so another resident's similar one may match: only ours must not.)
        assertThat(raw("GET", "/complaints/_search?q=description:" + erased.word()))
                .doesNotContain(first.value(), second.value());

        // The other resident keeps everything.
        ComplaintDocument theirs = complaint(kept).orElseThrow();
        assertThat(theirs.anonymised).isNull();
        assertThat(theirs.description).contains(other.word());
        assertThat(theirs.contactHash).isEqualTo(personalData.hash(other.email()));
        assertThat(theirs.unit).isEqualTo("9-" + other.word());

        // The keys are gone; the audit names the manager, the reason, the complaints and the hashes, never the contact.
        assertThat(dataKeys.ownersOf(personalData.hash(erased.phone()))).isEmpty();
        assertThat(dataKeys.ownersOf(personalData.hash(other.phone()))).contains(kept.value());
        assertThat(audit.all()).filteredOn(e -> e.erasureId().equals(erasureId)).singleElement().satisfies(e -> {
            assertThat(e.by()).isEqualTo("liu.yang");
            assertThat(e.reason()).isEqualTo("request");
            assertThat(e.complaintIds()).containsExactlyInAnyOrder(first, second);
            // Their complaints gave an e-mail beside the phone: both are theirs, found through the keys.
            assertThat(e.contactHashes()).containsExactlyInAnyOrder(personalData.hash(erased.phone()),
                    personalData.hash(erased.email()));
        });
        List<Map<String, Object>> list = manager().getForObject("/api/v1/privacy/erasures", List.class);
        assertThat(list).filteredOn(e -> erasureId.equals(e.get("erasureId"))).singleElement().satisfies(e -> {
            assertThat(e.get("by")).isEqualTo("liu.yang");
            assertThat(e.get("complaints")).isEqualTo(2);
            assertThat(e.get("reason")).isEqualTo("request");
            assertThat(e.get("at")).isNotNull();
        });

        // Erasing again finds nothing left.
        ResponseEntity<Map> again = manager().postForEntity("/api/v1/privacy/erasure",
                Map.of("contact", erased.email()), Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(again.getBody().get("complaints")).isEqualTo(0);
    }

    @Test
    void onlyManagersMayEraseExportOrReadTheAudit() {
        Map<String, String> body = Map.of("contact", "nobody@example.net");
        TestRestTemplate supervisor = anonymous.withBasicAuth("ops.two", "two");
        assertThat(supervisor.postForEntity("/api/v1/privacy/erasure", body, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(supervisor.getForEntity("/api/v1/privacy/export?contact=nobody@example.net", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(supervisor.getForEntity("/api/v1/privacy/erasures", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymous.postForEntity("/api/v1/privacy/erasure", body, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getForEntity("/api/v1/privacy/erasures", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aBlankOrMalformedContactIsRefusedWithAClearMessage() {
        ResponseEntity<Map> blank = manager().postForEntity("/api/v1/privacy/erasure", Map.of("contact", "  "), Map.class);
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) blank.getBody().get("error")).contains("contact is required", "请填写联系方式");
        ResponseEntity<Map> missing = manager().postForEntity("/api/v1/privacy/erasure", Map.of(), Map.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        for (String bad : List.of("zhang wei", "12ab", "a@b", "1234")) {
            ResponseEntity<Map> malformed = manager().postForEntity("/api/v1/privacy/erasure", Map.of("contact", bad),
                    Map.class);
            assertThat(malformed.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((String) malformed.getBody().get("error")).contains("e-mail address or a phone number",
                    "电子邮箱或电话号码");
        }
        ResponseEntity<Map> export = manager().getForEntity("/api/v1/privacy/export?contact={c}", Map.class, "x y");
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(manager().getForEntity("/api/v1/privacy/export", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private TestRestTemplate manager() {
        return anonymous.withBasicAuth("liu.yang", "demo");
    }
}

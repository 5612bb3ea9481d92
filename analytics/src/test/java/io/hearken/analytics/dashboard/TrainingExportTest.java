package io.hearken.analytics.dashboard;

import static io.hearken.analytics.Fixtures.newId;
import static io.hearken.analytics.Fixtures.received;
import static io.hearken.analytics.Fixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.analytics.AnalyticsIntegrationTest;
import io.hearken.analytics.Fixtures;
import io.hearken.events.Actor;
import io.hearken.events.ClassificationCorrected;
import io.hearken.events.ComplaintAnonymised;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Departments;
import io.hearken.events.Events;
import io.hearken.events.Topics;
import io.hearken.events.Urgency;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/v1/analytics/training-export} through real Kafka and Elasticsearch: the label after a supervisor's
 * correction, personal data masked, anonymised / untriaged / unrouted complaints left out, RFC 4180 that Commons CSV
 * (what {@code router.jar train} reads with) reads back, managers only.
 */
@AutoConfigureTestRestTemplate
class TrainingExportTest extends AnalyticsIntegrationTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    ElasticsearchQueries queries;

    String marker;
    LocalDate day;
    ComplaintId corrected;
    ComplaintId personal;
    ComplaintId quoted;

    /** A day of its own in 2009, so other tests' complaints stay out of the range. */
    @BeforeEach
    void history() {
        marker = "m" + UUID.randomUUID().toString().substring(0, 8);
        day = LocalDate.of(2009, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(360));
        Instant t0 = day.atTime(10, 0).atZone(ZONE).toInstant();
        corrected = newId();
        personal = newId();
        quoted = newId();
        ComplaintId anonymised = newId();
        ComplaintId untriaged = newId();
        ComplaintId unrouted = newId();

        publish(Topics.ROUTED,
                routed(received(corrected, t0, "B1", "楼道里有很多垃圾 " + marker), t0.plusSeconds(1), "facility",
                        Departments.MAINTENANCE),
                routed(received(personal, t0.plusSeconds(2), "B1", "我是张伟，电话 13812345678，邮件 "
                        + Fixtures.EMAIL + "，楼上装修太吵，李师傅和 Mr Smith from 502 都没管 " + marker), t0.plusSeconds(3),
                        "noise", Departments.SECURITY),
                routed(received(quoted, t0.plusSeconds(4), "B1", "He said \"fix it, now\"\nsecond line " + marker),
                        t0.plusSeconds(5), "service", Departments.CUSTOMER_SERVICE),
                routed(received(anonymised, t0.plusSeconds(6), "B1", "门禁坏了 " + marker), t0.plusSeconds(7), "facility",
                        Departments.MAINTENANCE),
                untriaged(received(untriaged, t0.plusSeconds(8), "B1", "不知道是什么问题 " + marker), t0.plusSeconds(9)));
        publish(Topics.INTAKE_WEB, received(unrouted, t0.plusSeconds(10), "B1", "还没有分派 " + marker));
        publish(Topics.UPDATES,
                new ClassificationCorrected(Events.newId(), corrected, t0.plusSeconds(60),
                        new Actor("wang.fang", "王芳", Departments.MAINTENANCE, Actor.Role.SUPERVISOR), "facility",
                        "environment", Urgency.NORMAL, Urgency.LOW, "是卫生问题"),
                new ComplaintAnonymised(Events.newId(), anonymised, t0.plusSeconds(70), Actor.system("privacy"), "e-1",
                        ComplaintAnonymised.REQUEST));
        awaitComplaint(corrected, d -> "environment".equals(d.category));
        awaitComplaint(anonymised, d -> Boolean.TRUE.equals(d.anonymised));
        for (ComplaintId id : List.of(personal, quoted, untriaged)) {
            awaitComplaint(id, d -> d.department != null);
        }
        awaitComplaint(unrouted, d -> d.receivedAt != null);
        try {
            refresh();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ComplaintRouted untriaged(ComplaintReceived r, Instant at) {
        ComplaintRouted plain = routed(r, at, "other", Departments.TRIAGE);
        var c = plain.classification();
        return new ComplaintRouted(plain.eventId(), plain.complaintId(), at, r,
                new ComplaintRouted.Classification(c.category(), c.urgency(), 0.2, true, c.reasons(), c.suggestions()),
                plain.assignment(), plain.links());
    }

    @Test
    void aManagerExportsTheLabelsAfterCorrectionWithPersonalDataMasked() throws Exception {
        ResponseEntity<byte[]> response = anonymous.withBasicAuth("liu.yang", "demo")
                .getForEntity("/api/v1/analytics/training-export?from={d}&to={d}", byte[].class, day, day);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment", ".csv");
        String body = new String(response.getBody(), StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFFtext,label,urgency,corrected\r\n");

        Map<String, CSVRecord> rows = rows(body);
        assertThat(rows.keySet()).as("anonymised, untriaged and unrouted complaints are left out")
                .containsExactly("corrected", "personal", "quoted");
        assertThat(rows.get("corrected").get("label")).isEqualTo("environment");
        assertThat(rows.get("corrected").get("urgency")).isEqualTo("LOW");
        assertThat(rows.get("corrected").get("corrected")).isEqualTo("true");
        assertThat(rows.get("corrected").get("text")).isEqualTo("投诉\n楼道里有很多垃圾 " + marker);
        assertThat(rows.get("personal").get("label")).isEqualTo("noise");
        assertThat(rows.get("personal").get("corrected")).isEqualTo("false");
        assertThat(rows.get("personal").get("text")).contains("[name]", "[phone]", "[email]", "楼上装修太吵")
                .contains("，[name]和 [name] from 502 都没管")
                .doesNotContain(Fixtures.NAME, Fixtures.PHONE, Fixtures.EMAIL, "李师傅", "Smith");
        assertThat(body).doesNotContain(Fixtures.NAME, Fixtures.PHONE, Fixtures.EMAIL);
        assertThat(rows.get("quoted").get("text")).isEqualTo("投诉\nHe said \"fix it, now\"\nsecond line " + marker);

        String only = anonymous.withBasicAuth("liu.yang", "demo").getForObject(
                "/api/v1/analytics/training-export?from={d}&to={d}&corrected-only=true", String.class, day, day);
        assertThat(rows(only).keySet()).containsExactly("corrected");
    }

    /** Pages of two: the rows left out and the rows written fall across pages, and every row comes once. */
    @Test
    void theExportReadsPageByPage() throws Exception {
        var cursor = new ExportingTrainingSet(queries, 2).open(new ExportingTrainingSet.Options(day, day, false, ZONE));
        java.io.StringWriter out = new java.io.StringWriter();
        long written = cursor.writeTo(out);
        Map<String, CSVRecord> rows = rows(out.toString());
        assertThat(rows.keySet()).containsExactly("corrected", "personal", "quoted");
        assertThat(written).isEqualTo(out.toString().lines().filter(l -> l.endsWith(",true") || l.endsWith(",false")).count());
    }

    /**
     * Corrected-only is asked of Elasticsearch: among many uncorrected complaints of the day, only the corrected
     * documents are fetched at all (counted at the client), and they are exactly the rows.
     */
    @Test
    void correctedOnlyFetchesOnlyTheCorrectedComplaints() throws Exception {
        Instant t0 = day.atTime(12, 0).atZone(ZONE).toInstant();
        List<ComplaintId> plain = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ComplaintId id = newId();
            plain.add(id);
            publish(Topics.ROUTED, routed(received(id, t0.plusSeconds(i), "B2", "电梯又坏了 " + i + " " + marker),
                    t0.plusSeconds(i + 1), "facility", Departments.MAINTENANCE));
        }
        plain.forEach(id -> awaitComplaint(id, d -> d.department != null));
        refresh();
        java.util.concurrent.atomic.AtomicInteger fetched = new java.util.concurrent.atomic.AtomicInteger();
        ElasticsearchQueries counting = new ElasticsearchQueries(restClient) {
            @Override
            tools.jackson.databind.JsonNode search(String index, Map<String, Object> body) {
                tools.jackson.databind.JsonNode answer = super.search(index, body);
                fetched.addAndGet(answer.path("hits").path("hits").size());
                return answer;
            }
        };

        java.io.StringWriter out = new java.io.StringWriter();
        long written = new ExportingTrainingSet(counting, 5).open(new ExportingTrainingSet.Options(day, day, true, ZONE))
                .writeTo(out);
        assertThat(rows(out.toString()).keySet()).containsExactly("corrected");
        // Every document fetched was written (another test's corrected complaint may share the day): none skipped.
        assertThat(fetched.get()).isEqualTo(written).isLessThan(plain.size());

        fetched.set(0);
        out = new java.io.StringWriter();
        new ExportingTrainingSet(counting, 5).open(new ExportingTrainingSet.Options(day, day, false, ZONE)).writeTo(out);
        assertThat(rows(out.toString())).hasSize(3 + plain.size());
        assertThat(fetched.get()).isGreaterThanOrEqualTo(3 + plain.size());
    }

    @Test
    void onlyManagersMayExport() {
        String path = "/api/v1/analytics/training-export";
        assertThat(anonymous.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> supervisor = anonymous.withBasicAuth("wang.fang", "demo").getForEntity(path, String.class);
        assertThat(supervisor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(supervisor.getBody()).doesNotContain(marker);
        assertThat(anonymous.withBasicAuth("li.wei", "demo").getForEntity(path, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // The rest of the analytics API stays the supervisor's.
        assertThat(anonymous.withBasicAuth("wang.fang", "demo").getForEntity("/api/v1/analytics/dashboard", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(anonymous.withBasicAuth("liu.yang", "demo").getForObject("/dashboard?lang=en", String.class))
                .contains("id=\"training-export-link\"", "Training set (CSV)", "/api/v1/analytics/training-export");
        assertThat(anonymous.withBasicAuth("liu.yang", "demo").getForObject("/dashboard?lang=zh", String.class))
                .contains("导出训练集（CSV）");
        assertThat(anonymous.withBasicAuth("wang.fang", "demo").getForObject("/dashboard?lang=en", String.class))
                .doesNotContain("training-export-link");
    }

    @Test
    void fromAfterToIsABadRequest() {
        ResponseEntity<Map> response = anonymous.withBasicAuth("liu.yang", "demo")
                .getForEntity("/api/v1/analytics/training-export?from=2009-02-02&to=2009-02-01", Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("error").toString()).contains("from must not be after to");
    }

    /** This test's rows (by its marker), named by which complaint they are; read as router.jar reads a CSV. */
    private Map<String, CSVRecord> rows(String body) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        Map<String, CSVRecord> rows = new java.util.LinkedHashMap<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(body.replace("\uFEFF", "")))
                .setFormat(format).get()) {
            for (CSVRecord r : parser) {
                String text = r.get("text");
                if (!text.contains(marker)) {
                    continue;
                }
                rows.put(text.contains("垃圾") ? "corrected" : text.contains("装修") ? "personal"
                        : text.contains("fix it") ? "quoted" : text, r);
            }
        }
        return rows;
    }
}

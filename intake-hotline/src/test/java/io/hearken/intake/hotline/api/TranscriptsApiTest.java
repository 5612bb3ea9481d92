package io.hearken.intake.hotline.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReceived;
import io.hearken.intake.hotline.HotlineIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The upload for CTI systems, over real HTTP, with the events read back from the real Kafka topic. */
class TranscriptsApiTest extends HotlineIntegrationTest {

    static final String URL = "/api/v1/hotline/transcripts";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    MeterRegistry meters;

    static HttpEntity<byte[]> body(byte[] content, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Api-Key", API_KEY);
        if (type != null) {
            headers.setContentType(type);
        }
        return new HttpEntity<>(content, headers);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aJsonUploadIsPublishedOnceAndARepeatedUploadReportsDuplicatesWithTheSameComplaints() {
        byte[] json = """
                [{"call_id": "API-JSON-1", "caller_number": "13500006601", "agent_id": "A8", "category": "维修",
                  "location": "4号楼 0302", "summary": "卫生间天花板渗水"},
                 {"call_id": "API-JSON-2", "caller_number": "13500006602",
                  "transcript": "坐席：您好\\n来电人：小区南门的路灯坏了一排，晚上很黑"}]"""
                .getBytes(StandardCharsets.UTF_8);
        double before = meters.counter("hearken.hotline.calls", "outcome", "complaint", "via", "cti").count();

        ResponseEntity<Map> first = rest.postForEntity(URL, body(json, MediaType.APPLICATION_JSON), Map.class);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).containsEntry("format", "json").containsEntry("calls", 2)
                .containsEntry("complaints", 2).containsEntry("duplicates", 0).containsEntry("rejected", 0);
        List<Map<String, Object>> results = (List<Map<String, Object>>) first.getBody().get("results");
        assertThat(results).extracting(r -> r.get("outcome")).containsOnly("complaint");
        String complaintId = (String) results.get(0).get("complaintId");
        assertThat(complaintId).matches("HK-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");

        List<ConsumerRecord<String, ComplaintEvent>> events = hotlineEvents("API-JSON-");
        assertThat(events).hasSize(2);
        ComplaintReceived leak = events.stream().map(r -> (ComplaintReceived) r.value())
                .filter(e -> e.sourceRef().equals("API-JSON-1")).findFirst().orElseThrow();
        assertThat(leak.via()).isEqualTo("cti");
        assertThat(leak.complaintId().value()).isEqualTo(complaintId);
        assertThat(meters.counter("hearken.hotline.calls", "outcome", "complaint", "via", "cti").count())
                .isEqualTo(before + 2);

        ResponseEntity<Map> again = rest.postForEntity(URL, body(json, MediaType.APPLICATION_JSON), Map.class);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("complaints", 0).containsEntry("duplicates", 2);
        assertThat((List<Map<String, Object>>) again.getBody().get("results"))
                .anySatisfy(r -> assertThat(r).containsEntry("callId", "API-JSON-1").containsEntry("outcome", "duplicate")
                        .containsEntry("complaintId", complaintId));
        assertThat(hotlineEvents("API-JSON-")).hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGbkCsvUploadNamedByTheFormatParameterReportsItsBadRowsAndTakesTheRest() {
        byte[] csv = ("call_id,caller_number,summary,duration_s\n"
                + "API-CSV-1,13500007701,垃圾房异味严重,60\n"
                + "API-CSV-2,13500007702,健身房器械损坏,很久\n").getBytes(Charset.forName("GBK"));

        ResponseEntity<Map> response = rest.postForEntity(URL + "?format=csv",
                body(csv, MediaType.APPLICATION_OCTET_STREAM), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("charset", "GB18030").containsEntry("complaints", 1)
                .containsEntry("rejected", 1);
        assertThat((List<Map<String, Object>>) response.getBody().get("results")).anySatisfy(r -> assertThat(r)
                .containsEntry("line", 3).containsEntry("callId", "API-CSV-2").containsEntry("outcome", "rejected")
                .hasEntrySatisfying("reason", reason -> assertThat((String) reason).contains("duration_s")));
        ComplaintReceived event = (ComplaintReceived) hotlineEvents("API-CSV-").get(0).value();
        assertThat(event.description()).isEqualTo("垃圾房异味严重");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCallIdTwiceInOneUploadIsPublishedOnceAndTheRepeatNamesItsComplaint() {
        byte[] csv = ("call_id,caller_number,summary\n"
                + "API-TWICE-1,13500006611,单元门闭门器坏了\n"
                + "API-TWICE-1,13500006611,单元门闭门器坏了\n").getBytes(StandardCharsets.UTF_8);

        ResponseEntity<Map> response = rest.postForEntity(URL, body(csv, MediaType.parseMediaType("text/csv")), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("complaints", 1).containsEntry("duplicates", 1);
        List<Map<String, Object>> results = (List<Map<String, Object>>) response.getBody().get("results");
        assertThat(results).extracting(r -> r.get("outcome")).containsExactly("complaint", "duplicate");
        assertThat(results.get(1)).containsEntry("line", 3).containsEntry("complaintId", results.get(0).get("complaintId"));
        assertThat(hotlineEvents("API-TWICE-")).hasSize(1);
    }

    @Test
    void aPlainTextTranscriptCanBeUploaded() {
        byte[] text = """
                call_id: API-TXT-1
                caller_number: 13500008801

                Caller: The laundry room dryer has been broken for a week.
                Agent: Noted, I will send a technician.""".getBytes(StandardCharsets.UTF_8);

        ResponseEntity<Map> response = rest.postForEntity(URL, body(text, MediaType.TEXT_PLAIN), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("format", "text").containsEntry("complaints", 1);
        assertThat(((ComplaintReceived) hotlineEvents("API-TXT-1").get(0).value()).description())
                .isEqualTo("The laundry room dryer has been broken for a week.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUploadWithoutAnyUsableCallIsAProblemListingEachError() {
        byte[] json = "[{\"caller_number\": \"13500009901\", \"summary\": \"没有通话编号\"}]".getBytes(StandardCharsets.UTF_8);

        ResponseEntity<Map> response = rest.postForEntity(URL, body(json, MediaType.APPLICATION_JSON), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("status", 422).containsEntry("title", "No call could be read");
        assertThat((List<Map<String, Object>>) response.getBody().get("errors")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("line", 1)
                        .hasEntrySatisfying("reason", r -> assertThat((String) r).contains("call_id is required")));
    }

    @Test
    void anUnknownContentTypeWithoutFormatIsUnsupported() {
        ResponseEntity<Map> response = rest.postForEntity(URL, body("x".getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_XML), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) response.getBody().get("detail")).contains("format=json|csv|text");
    }

    @Test
    void anUnknownFormatParameterIsABadRequest() {
        ResponseEntity<Map> response = rest.postForEntity(URL + "?format=xml",
                body("x".getBytes(StandardCharsets.UTF_8), MediaType.TEXT_PLAIN), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}

package io.hearken.intake.web.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.hearken.readmodel.ComplaintLookup;
import io.hearken.readmodel.ComplaintView;
import io.hearken.events.ComplaintId;
import io.hearken.intake.web.WebIntakeProperties;
import io.hearken.intake.web.abuse.RateLimiter;
import io.hearken.intake.web.attachments.AttachmentStore;
import io.hearken.intake.web.i18n.WebMessages;
import io.hearken.intake.web.intake.DraftValidation;
import io.hearken.intake.web.intake.FollowingUp;
import io.hearken.intake.web.intake.IntakeUnavailable;
import io.hearken.intake.web.intake.SubmittingComplaint;
import io.hearken.intake.web.submission.AcceptingComplaint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Validation and error bodies of the REST API, in both languages; the use cases behind it are mocked. */
@WebMvcTest(controllers = ComplaintsApi.class, properties = {"hearken.web.rate-limit.capacity=1000",
        "hearken.web.attachments-dir=target/test-attachments"})
@Import(ComplaintsApiSliceTest.Parts.class)
class ComplaintsApiSliceTest {

    @TestConfiguration
    @EnableConfigurationProperties(WebIntakeProperties.class)
    @Import({ComplaintsApi.class, ApiProblems.class, AcceptingComplaint.class, DraftValidation.class, WebMessages.class,
            AttachmentStore.class, RateLimiter.class})
    static class Parts {
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    SubmittingComplaint submitting;
    @MockitoBean
    FollowingUp followingUp;
    @MockitoBean
    ComplaintLookup lookup;

    @Test
    void anEmptyComplaintListsItsFieldErrorsInChineseByDefault() throws Exception {
        mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:hearken:problem:invalid-request"))
                .andExpect(jsonPath("$.title").value("请求内容有误"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.instance").value("/api/v1/complaints"))
                .andExpect(jsonPath("$.errors[?(@.field=='description')].message").value(hasItem("请描述您遇到的问题。")))
                .andExpect(jsonPath("$.errors[?(@.field=='email')].code").value(hasItem("ContactRequired")));
        verify(submitting, never()).submit(any(), any(), any());
    }

    @Test
    void fieldErrorsAreInEnglishWhenTheCallerPrefersEnglish() throws Exception {
        mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en-GB,en;q=0.9")
                        .content("""
                                {"email":"not-an-address","phone":"abc","description":"x","consent":false,
                                 "residentType":"alien","subject":"%s"}""".formatted("s".repeat(201))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[?(@.field=='email')].message")
                        .value(hasItem("Please enter a valid e-mail address.")))
                .andExpect(jsonPath("$.errors[?(@.field=='phone')].message")
                        .value(hasItem("Please enter a valid phone number.")))
                .andExpect(jsonPath("$.errors[?(@.field=='consent')].code").value(hasItem("ConsentRequired")))
                .andExpect(jsonPath("$.errors[?(@.field=='residentType')].code").value(hasItem("Pattern")))
                .andExpect(jsonPath("$.errors[?(@.field=='subject')].message")
                        .value(hasItem("Too long: at most 200 characters.")));
    }

    @Test
    void aValidComplaintIsCreatedWithItsTrackingUrl() throws Exception {
        when(submitting.submit(any(), any(), any()))
                .thenReturn(new SubmittingComplaint.Submitted(ComplaintId.of("HK-7K2M-9QXD"), true));
        mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"a@example.com\",\"description\":\"电梯坏了\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/complaints/HK-7K2M-9QXD"))
                .andExpect(jsonPath("$.id").value("HK-7K2M-9QXD"))
                .andExpect(jsonPath("$.status").value("received"))
                .andExpect(jsonPath("$.trackingUrl").value("/track?id=HK-7K2M-9QXD"));
    }

    @Test
    void malformedJsonIsABadRequestProblem() throws Exception {
        mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).content("{\"description\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hearken:problem:malformed"));
    }

    @Test
    void anotherContentTypeIs415() throws Exception {
        mvc.perform(post("/api/v1/complaints").contentType(MediaType.TEXT_PLAIN).content("hello")
                        .header("Accept-Language", "en"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.title").value("Unsupported content type"));
    }

    @Test
    void aTooLargeBodyIs413() throws Exception {
        String big = "{\"description\":\"" + "x".repeat(JsonBodies.MAX_JSON_BYTES) + "\"}";
        mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).content(big))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.title").value("请求内容过大"));
    }

    @Test
    void anAttachmentThatIsNotAnImageOrPdfByContentIsRefused() throws Exception {
        var fake = new MockMultipartFile("attachments", "photo.jpg", "image/jpeg", "MZ\u0090 not a jpeg".getBytes());
        mvc.perform(multipart("/api/v1/complaints").file(fake).param("email", "a@example.com")
                        .param("description", "见附件").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attachments"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("photo.jpg")));
        verify(submitting, never()).submit(any(), any(), any());
    }

    @Test
    void kafkaNotAcknowledgingIs503WithTheHotline() throws Exception {
        when(submitting.submit(any(), any(), any())).thenThrow(new IntakeUnavailable("down", null));
        mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"a@example.com\",\"description\":\"电梯坏了\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.detail").value(containsString("400-800-1234")));
    }

    @Test
    void theStatusNeverShowsTheContactHash() throws Exception {
        when(lookup.find(ComplaintId.of("HK-7K2M-9QXD"))).thenReturn(Optional.of(new ComplaintView("HK-7K2M-9QXD",
                "assigned", "WEB", "facility", "URGENT", 1, "maintenance", "电梯", "电梯困人", "zh-CN", "3号楼", "1203",
                Instant.parse("2026-11-23T10:00:00Z"), null, null, "secret-hash-value", null, "TENANT", null, null, null,
                null, "PENDING", null, false, null, 0)));
        when(lookup.timeline(any())).thenReturn(List.of());
        mvc.perform(get("/api/v1/complaints/hk-7k2m-9qxd"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("HK-7K2M-9QXD"))
                .andExpect(jsonPath("$.department").value("maintenance"))
                .andExpect(jsonPath("$.history").isArray())
                .andExpect(content().string(not(containsString("secret-hash-value"))))
                .andExpect(content().string(not(containsString("1203"))));
    }

    @Test
    void theResidentsOwnTextNeedsTheResidentsContact() throws Exception {
        var view = new ComplaintView("HK-7K2M-9QXD", "assigned", "WEB", "facility", "URGENT", 1, "maintenance",
                "电梯故障", "电梯困人，我的电话 13800000000", "zh-CN", "3号楼", "1203",
                Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-23T11:00:00Z"),
                Instant.parse("2026-11-24T10:00:00Z"), "hash", null, "TENANT", null, null, null, null, "PENDING",
                null, false, null, 0);
        when(lookup.find(ComplaintId.of("HK-7K2M-9QXD"))).thenReturn(Optional.of(view));
        when(lookup.timeline(any())).thenReturn(List.of(new io.hearken.readmodel.TimelineEntry("e1",
                "follow-up-received", Instant.parse("2026-11-23T12:00:00Z"), null, "又坏了", null)));
        when(followingUp.matches(view, "resident@example.com")).thenReturn(true);

        // Only the id: state, deadlines and the kinds of history, none of the resident's words.
        mvc.perform(get("/api/v1/complaints/HK-7K2M-9QXD"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("assigned"))
                .andExpect(jsonPath("$.urgency").value("URGENT"))
                .andExpect(jsonPath("$.resolutionDue").value("2026-11-24T10:00:00Z"))
                .andExpect(jsonPath("$.history[0].type").value("follow-up-received"))
                .andExpect(jsonPath("$.description").doesNotExist())
                .andExpect(jsonPath("$.building").doesNotExist())
                .andExpect(jsonPath("$.history[0].text").doesNotExist())
                .andExpect(content().string(not(containsString("13800000000"))));
        // With the contact given at submission: the resident's own text and follow-ups too.
        mvc.perform(get("/api/v1/complaints/HK-7K2M-9QXD").header("Hearken-Contact", "resident@example.com"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value("电梯故障"))
                .andExpect(jsonPath("$.description").value("电梯困人，我的电话 13800000000"))
                .andExpect(jsonPath("$.building").value("3号楼"))
                .andExpect(jsonPath("$.history[0].text").value("又坏了"))
                .andExpect(content().string(not(containsString("1203"))))
                .andExpect(content().string(not(containsString("\"hash\""))));
        // A contact in the URL (where access logs keep it) is not taken.
        mvc.perform(get("/api/v1/complaints/HK-7K2M-9QXD").param("contact", "resident@example.com"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.description").doesNotExist());
        // Someone else's contact is refused, in the caller's language.
        mvc.perform(get("/api/v1/complaints/HK-7K2M-9QXD").header("Hearken-Contact", "other@example.com")
                        .header("Accept-Language", "en"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:hearken:problem:contact-mismatch"))
                .andExpect(jsonPath("$.title").value("Contact does not match"));
    }

    @Test
    void aReadModelFailureIsStillAProblemBodyWithTheHotline() throws Exception {
        when(lookup.find(any())).thenThrow(new java.io.UncheckedIOException("Elasticsearch unreachable",
                new java.io.IOException("connection refused")));
        mvc.perform(get("/api/v1/complaints/HK-7K2M-9QXD"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:hearken:problem:read-model-unavailable"))
                .andExpect(jsonPath("$.title").value("暂时无法查询"))
                .andExpect(jsonPath("$.detail").value(containsString("400-800-1234")))
                .andExpect(content().string(not(containsString("connection refused"))));
    }

    @Test
    void anUnknownIdIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/v1/complaints/nonsense").header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Not found"));
    }

    @Test
    void aCommentWithoutTextListsTheMissingFields() throws Exception {
        mvc.perform(post("/api/v1/complaints/HK-7K2M-9QXD/comments").contentType(MediaType.APPLICATION_JSON)
                        .content("{}").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='contact')].code").value(hasItem("NotBlank")))
                .andExpect(jsonPath("$.errors[?(@.field=='text')].code").value(hasItem("NotBlank")));
    }

    @Test
    void followUpsHaveTheSameTypeAndSizeLimitsAsSubmissions() throws Exception {
        mvc.perform(post("/api/v1/complaints/HK-7K2M-9QXD/comments").contentType(MediaType.TEXT_PLAIN)
                        .content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("urn:hearken:problem:unsupported-type"));
        String big = "{\"contact\":\"a@example.com\",\"text\":\"" + "x".repeat(JsonBodies.MAX_JSON_BYTES) + "\"}";
        mvc.perform(post("/api/v1/complaints/HK-7K2M-9QXD/feedback").contentType(MediaType.APPLICATION_JSON)
                        .content(big))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("urn:hearken:problem:too-large"));
        mvc.perform(post("/api/v1/complaints/HK-7K2M-9QXD/feedback").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contact\":\"a@example.com\",\"score\":9}").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='score')].message")
                        .value(hasItem("The score must be a whole number from 1 to 5.")));
        verify(followingUp, never()).comment(any(), any(), any(), any());
        verify(followingUp, never()).feedback(any(), any(), org.mockito.ArgumentMatchers.anyInt(), any(), any());
    }

    @Test
    void feedbackBeforeResolutionIsAConflict() throws Exception {
        when(followingUp.feedback(any(), any(), org.mockito.ArgumentMatchers.anyInt(), any(), any()))
                .thenThrow(new FollowingUp.Refused(FollowingUp.Refusal.NOT_RESOLVED));
        mvc.perform(post("/api/v1/complaints/HK-7K2M-9QXD/feedback").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contact\":\"a@example.com\",\"score\":2}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("尚未解决"));
    }
}

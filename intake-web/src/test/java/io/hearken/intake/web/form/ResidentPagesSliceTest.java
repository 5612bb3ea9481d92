package io.hearken.intake.web.form;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hearken.readmodel.ComplaintLookup;
import io.hearken.events.ComplaintId;
import io.hearken.intake.web.WebIntakeProperties;
import io.hearken.intake.web.abuse.RateLimiter;
import io.hearken.intake.web.attachments.AttachmentStore;
import io.hearken.intake.web.i18n.PageLanguage;
import io.hearken.intake.web.i18n.WebMessages;
import io.hearken.intake.web.intake.DraftValidation;
import io.hearken.intake.web.intake.FollowingUp;
import io.hearken.intake.web.intake.IntakeUnavailable;
import io.hearken.intake.web.intake.SubmittingComplaint;
import io.hearken.intake.web.submission.AcceptingComplaint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The resident form: language choice, field messages in the user's language, typed values kept, escaping. */
@WebMvcTest(controllers = {ComplaintFormPage.class, TrackingPage.class}, properties = "hearken.web.rate-limit.capacity=1000")
@Import(ResidentPagesSliceTest.Parts.class)
class ResidentPagesSliceTest {

    @TestConfiguration
    @EnableConfigurationProperties(WebIntakeProperties.class)
    @Import({ComplaintFormPage.class, TrackingPage.class, AcceptingComplaint.class, DraftValidation.class,
            WebMessages.class, PageLanguage.class, AttachmentStore.class, RateLimiter.class})
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
    void theFormIsChineseByDefaultAndEnglishOnRequest() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("提交投诉")))
                .andExpect(content().string(containsString("lang=\"zh-CN\"")));
        mvc.perform(get("/").header("Accept-Language", "en-US,en;q=0.8")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Report a problem")));
        mvc.perform(get("/").param("lang", "en").header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Report a problem")));
    }

    @Test
    void anIncompleteFormComesBackWithChineseMessagesAndWhatWasTyped() throws Exception {
        mvc.perform(multipart("/").param("name", "张伟").param("building", "3号楼").param("description", " ")
                        .param("formToken", "token-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请描述您遇到的问题。")))
                .andExpect(content().string(containsString("请至少填写电子邮箱或手机号码中的一项。")))
                .andExpect(content().string(containsString("请阅读并同意隐私声明。")))
                .andExpect(content().string(containsString("value=\"张伟\"")))
                .andExpect(content().string(containsString("value=\"3号楼\"")))
                .andExpect(content().string(containsString("value=\"token-1\"")));
        verify(submitting, never()).submit(any(), any(), any());
    }

    @Test
    void theSameFormInEnglishHasEnglishMessages() throws Exception {
        mvc.perform(multipart("/").param("lang", "en").param("email", "wrong").param("description", "leak"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Please enter a valid e-mail address.")))
                .andExpect(content().string(containsString("Please read and accept the privacy notice.")))
                .andExpect(content().string(containsString(">leak</textarea>")));
    }

    @Test
    void typedMarkupIsEscapedWhenShownAgain() throws Exception {
        mvc.perform(multipart("/").param("name", "<script>alert(1)</script>").param("description", "<b>x</b>"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(containsString("&lt;b&gt;x&lt;/b&gt;")));
    }

    @Test
    void theHoneypotDropsTheSubmission() throws Exception {
        mvc.perform(multipart("/").param("email", "bot@example.com").param("description", "spam")
                        .param("consent", "true").param("website", "http://spam.example"))
                .andExpect(status().isBadRequest());
        verify(submitting, never()).submit(any(), any(), any());
    }

    @Test
    void aValidFormShowsTheTrackingId() throws Exception {
        when(submitting.submit(any(), any(), any()))
                .thenReturn(new SubmittingComplaint.Submitted(ComplaintId.of("HK-7K2M-9QXD"), true));
        // Empty optional fields, as a browser sends them, are "not given".
        mvc.perform(multipart("/").param("email", "a@example.com").param("description", "楼道灯不亮")
                        .param("phone", "").param("residentType", "").param("categoryHint", "").param("name", "")
                        .param("consent", "true").param("formToken", "t-2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("HK-7K2M-9QXD")))
                .andExpect(content().string(containsString("投诉已受理")));
    }

    @Test
    void kafkaDownGivesA503WithTheHotlineInTheUsersLanguage() throws Exception {
        when(submitting.submit(any(), any(), any())).thenThrow(new IntakeUnavailable("down", null));
        mvc.perform(multipart("/").param("email", "a@example.com").param("description", "楼道灯不亮")
                        .param("consent", "true"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("系统暂时无法受理您的投诉")))
                .andExpect(content().string(containsString("400-800-1234")))
                .andExpect(content().string(containsString("楼道灯不亮")));
        mvc.perform(multipart("/").param("lang", "en").param("email", "a@example.com").param("description", "x")
                        .param("consent", "true"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("call our hotline 400-800-1234")));
    }

    @Test
    void theTrackingPageShowsTheTimelineInTheResidentsLanguage() throws Exception {
        var view = new io.hearken.readmodel.ComplaintView("HK-7K2M-9QXD", "acknowledged", "WEB", "facility",
                "URGENT", 1, "maintenance", "电梯", "三号楼电梯困人 <b>快</b>", "zh-CN", "3号楼", "1203",
                java.time.Instant.parse("2026-11-23T10:00:00Z"), null, java.time.Instant.parse("2026-11-24T10:00:00Z"),
                "hash", null, "TENANT", null, null, null, null, "PENDING", null, false, null, 0);
        when(followingUp.prove("HK-7K2M-9QXD", "a@example.com")).thenReturn(view);
        when(lookup.timeline(ComplaintId.of("HK-7K2M-9QXD"))).thenReturn(java.util.List.of(
                new io.hearken.readmodel.TimelineEntry("e1", "complaint-routed",
                        java.time.Instant.parse("2026-11-23T10:00:05Z"), "assigned", null, "maintenance"),
                new io.hearken.readmodel.TimelineEntry("e2", "progress-noted",
                        java.time.Instant.parse("2026-11-23T11:30:00Z"), null, "师傅下午到", null)));

        // The form posts (the contact stays out of the address bar); times in the residents' zone (Shanghai).
        mvc.perform(post("/track").param("id", "HK-7K2M-9QXD").param("contact", "a@example.com"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("处理中")))
                .andExpect(content().string(containsString("工程维修部")))
                .andExpect(content().string(containsString("已分派至负责部门")))
                .andExpect(content().string(containsString("2026-11-23 19:30")))
                .andExpect(content().string(containsString("师傅下午到")))
                .andExpect(content().string(containsString("2026-11-24 18:00")))
                .andExpect(content().string(containsString("&lt;b&gt;快&lt;/b&gt;")));
        mvc.perform(post("/track").param("id", "HK-7K2M-9QXD").param("contact", "a@example.com")
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("In progress")))
                .andExpect(content().string(containsString("Maintenance")))
                .andExpect(content().string(containsString("Assigned to a department")))
                .andExpect(content().string(containsString("2026-11-23 18:00")));
    }

    @Test
    void trackingWithAWrongContactDoesNotRevealTheComplaint() throws Exception {
        when(followingUp.prove(any(), any())).thenThrow(new FollowingUp.Refused(FollowingUp.Refusal.NOT_YOURS));
        mvc.perform(get("/track").param("id", "HK-7K2M-9QXD").param("contact", "x@example.com"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("未找到与该查询编号和联系方式相符的投诉")));
    }
}

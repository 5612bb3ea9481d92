package io.hearken.intake.web.form;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hearken.readmodel.ComplaintLookup;
import io.hearken.events.ComplaintId;
import io.hearken.intake.web.intake.FollowingUp;
import io.hearken.intake.web.intake.SubmittingComplaint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The form shares the per-IP limit; wrong guesses on the tracking page use it up too. */
@WebMvcTest(controllers = {ComplaintFormPage.class, TrackingPage.class}, properties = "hearken.web.rate-limit.capacity=2")
@Import(ResidentPagesSliceTest.Parts.class)
class ResidentRateLimitSliceTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    SubmittingComplaint submitting;
    @MockitoBean
    FollowingUp followingUp;
    @MockitoBean
    ComplaintLookup lookup;

    @Test
    void aSecondFormAndThenAWrongGuessFromOneAddressAreRefused() throws Exception {
        when(submitting.submit(any(), any(), any()))
                .thenReturn(new SubmittingComplaint.Submitted(ComplaintId.of("HK-7K2M-9QXD"), true));
        when(followingUp.prove(any(), any())).thenThrow(new FollowingUp.Refused(FollowingUp.Refusal.NOT_YOURS));
        var form = multipart("/").param("email", "a@example.com").param("description", "楼道灯不亮")
                .param("consent", "true").with(r -> { r.setRemoteAddr("203.0.113.8"); return r; });

        mvc.perform(form).andExpect(status().isOk());
        mvc.perform(post("/track").param("id", "HK-7K2M-9QXD").param("contact", "guess@example.com")
                        .with(r -> { r.setRemoteAddr("203.0.113.8"); return r; }))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("未找到与该查询编号和联系方式相符的投诉")));
        mvc.perform(form)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("提交过于频繁")))
                .andExpect(content().string(containsString("楼道灯不亮")));
        mvc.perform(post("/track").param("id", "HK-7K2M-9QXD").param("contact", "guess2@example.com")
                        .with(r -> { r.setRemoteAddr("203.0.113.8"); return r; }))
                .andExpect(status().isTooManyRequests());
        verify(submitting, times(1)).submit(any(), any(), any());
    }
}

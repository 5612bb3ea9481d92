package io.hearken.intake.web.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hearken.readmodel.ComplaintLookup;
import io.hearken.events.ComplaintId;
import io.hearken.intake.web.intake.FollowingUp;
import io.hearken.intake.web.intake.SubmittingComplaint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The per-IP limit: the third submission from one address within the period is refused with 429. */
@WebMvcTest(controllers = ComplaintsApi.class, properties = "hearken.web.rate-limit.capacity=2")
@Import(ComplaintsApiSliceTest.Parts.class)
class RateLimitSliceTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    SubmittingComplaint submitting;
    @MockitoBean
    FollowingUp followingUp;
    @MockitoBean
    ComplaintLookup lookup;

    @Test
    void theThirdSubmissionFromOneAddressIsRateLimited() throws Exception {
        when(submitting.submit(any(), any(), any()))
                .thenReturn(new SubmittingComplaint.Submitted(ComplaintId.of("HK-7K2M-9QXD"), true));
        String body = "{\"email\":\"a@example.com\",\"description\":\"噪音\"}";
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).content(body)
                    .with(r -> { r.setRemoteAddr("203.0.113.7"); return r; })).andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Accept-Language", "en").with(r -> { r.setRemoteAddr("203.0.113.7"); return r; }))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.title").value("Too many requests"));
        // Another address is not affected.
        mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(r -> { r.setRemoteAddr("198.51.100.9"); return r; })).andExpect(status().isCreated());
    }
}

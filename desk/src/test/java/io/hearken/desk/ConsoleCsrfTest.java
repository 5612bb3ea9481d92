package io.hearken.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintRouted;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Abuse probe: a foreign page posting the console's forms with the person's sign-in cookie (what a browser sends
 * by itself). Every console POST and sign-out without the CSRF token, or with a wrong one, is 403 and publishes
 * nothing; an API call that relies on the cookie needs the token too; with the token the action works. Oversize
 * action text is refused, nothing published.
 */
class ConsoleCsrfTest extends DeskTestSupport {

    @Autowired
    MockMvc mvc;

    static final Map<String, Map<String, String>> ACTIONS = Map.ofEntries(Map.entry("assignee", Map.of("person", "li.wei")),
            Map.entry("classification", Map.of("category", "safety", "urgency", "URGENT")));
    static final Map<String, Map<String, String>> FIRST_ACTIONS = Map.of(
            "acknowledge", Map.of(),
            "notes", Map.of("text", "forged note", "visibleToResident", "true"),
            "information-requests", Map.of("question", "forged question"),
            "resolution", Map.of("text", "forged resolution"),
            "reassignment", Map.of("toDepartment", "cleaning", "reason", "forged"),
            "duplicate", Map.of("master", "HK-2222-2222"),
            "reopen", Map.of("reason", "forged"),
            "escalation", Map.of("level", "MANAGEMENT", "reason", "forged"));

    @Test
    void everyConsoleFormWithoutItsTokenIsRefusedAndPublishesNothing() throws Exception {
        ComplaintRouted complaint = assign(routed("maintenance", 2, "CSRF probe", "9号楼"));
        String id = complaint.complaintId().value();
        Cookie staff = signIn("wang.fang");

        Map<String, Map<String, String>> all = new java.util.HashMap<>(FIRST_ACTIONS);
        all.putAll(ACTIONS);
        for (var action : all.entrySet()) {
            for (boolean wrongToken : new boolean[] {false, true}) {
                MockHttpServletRequestBuilder forged = post("/desk/complaints/" + id + "/" + action.getKey())
                        .cookie(staff).header("Origin", "https://evil.example.com");
                action.getValue().forEach(forged::param);
                if (wrongToken) {
                    forged.with(csrf().useInvalidToken());
                }
                mvc.perform(forged).andExpect(status().isForbidden());
            }
        }
        // The form for a complaint entered at the desk too.
        mvc.perform(post("/desk/complaints").cookie(staff).header("Origin", "https://evil.example.com")
                .param("channel", "walk-in").param("description", "forged")).andExpect(status().isForbidden());
        // The API with only the cookie is what a foreign page could make the browser send: it needs the token too.
        mvc.perform(post("/api/v1/desk/complaints/" + id + "/notes").cookie(staff)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"forged\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logout").cookie(staff)).andExpect(status().isForbidden());

        // Oversize text, with the token: refused with the form's message, nothing published.
        mvc.perform(post("/desk/complaints/" + id + "/notes").cookie(staff).with(csrf())
                .param("text", "x".repeat(4001))).andExpect(status().is3xxRedirection());
        mvc.perform(post("/api/v1/desk/complaints/" + id + "/notes").with(httpBasic("wang.fang", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + "x".repeat(200_000) + "\"}"))
                .andExpect(status().isBadRequest());

        // With the token the same form works; it is the first and only event of the complaint.
        mvc.perform(post("/desk/complaints/" + id + "/acknowledge").cookie(staff).with(csrf()))
                .andExpect(status().is3xxRedirection());
        List<ComplaintEvent> events = updatesFor(complaint.complaintId(), found -> !found.isEmpty()).stream()
                .map(r -> r.value()).toList();
        assertThat(events).singleElement().isInstanceOf(ComplaintAcknowledged.class);
        String page = mvc.perform(get("/desk/complaints/" + id).cookie(staff)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("forged");
    }

    private Cookie signIn(String user) throws Exception {
        MockHttpSession session = new MockHttpSession();
        var response = mvc.perform(post("/login").session(session).with(csrf()).param("username", user)
                .param("password", "demo")).andExpect(status().is3xxRedirection()).andReturn().getResponse();
        String value = response.getHeaders("Set-Cookie").stream().filter(c -> c.startsWith("HEARKEN_STAFF="))
                .findFirst().orElseThrow().split(";")[0].substring("HEARKEN_STAFF=".length());
        return new Cookie("HEARKEN_STAFF", value);
    }
}

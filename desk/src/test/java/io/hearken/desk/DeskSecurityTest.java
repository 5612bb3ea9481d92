package io.hearken.desk;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hearken.events.ComplaintRouted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Who may see and do what: sign-in, department walls, roles, CSRF, RFC 9457 problems, the open paths. */
class DeskSecurityTest extends DeskTestSupport {

    @Autowired
    MockMvc mvc;

    ComplaintRouted maintenance;

    @BeforeEach
    void aMaintenanceComplaint() throws Exception {
        maintenance = assign(routed("maintenance", 2, "电梯异响", "8号楼"));
    }

    String path(String suffix) {
        return "/api/v1/desk/complaints/" + maintenance.complaintId() + suffix;
    }

    @Test
    void withoutSignInTheApiAnswers401AndTheConsoleSendsToTheSignInPage() throws Exception {
        mvc.perform(get("/api/v1/desk/queue")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")));
        mvc.perform(get("/api/v1/desk/queue").header("X-Requested-With", "XMLHttpRequest"))
                .andExpect(status().isUnauthorized()).andExpect(header().doesNotExist("WWW-Authenticate"));
        mvc.perform(get("/desk").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
        mvc.perform(get("/desk/complaints/" + maintenance.complaintId())).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
        mvc.perform(get("/api/v1/desk/queue").with(httpBasic("li.wei", "wrong"))).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
        mvc.perform(get("/api/v1/desk/queue").cookie(new jakarta.servlet.http.Cookie("HEARKEN_STAFF", "li.wei.forged")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anotherDepartmentsComplaintIsNotFoundForReadingAndForActing() throws Exception {
        mvc.perform(get(path("")).with(httpBasic("chen.jing", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.description").doesNotExist())
                .andExpect(jsonPath("$.contact").doesNotExist());
        mvc.perform(post(path("/acknowledge")).with(httpBasic("chen.jing", "demo"))).andExpect(status().isNotFound());
        mvc.perform(post(path("/resolution")).with(httpBasic("zhao.lei", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"x\"}")).andExpect(status().isNotFound());
        mvc.perform(get("/desk/complaints/" + maintenance.complaintId()).with(httpBasic("chen.jing", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/desk/queue").with(httpBasic("chen.jing", "demo")))
                .andExpect(jsonPath("$.items[?(@.id == '" + maintenance.complaintId() + "')]").isEmpty());
        // Its own department and a manager do see it.
        mvc.perform(get(path("")).with(httpBasic("li.wei", "demo"))).andExpect(status().isOk());
        mvc.perform(get(path("")).with(httpBasic("liu.yang", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.contact.name").value("张伟"));
    }

    @Test
    void onlyASupervisorOrManagerEscalatesOrReopens() throws Exception {
        String escalation = "{\"level\":\"SUPERVISOR\",\"reason\":\"住户多次来电\"}";
        mvc.perform(post(path("/escalation")).with(httpBasic("li.wei", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(escalation))
                .andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
        mvc.perform(post(path("/escalation")).with(httpBasic("wang.fang", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(escalation))
                .andExpect(status().isOk());
        mvc.perform(post(path("/reopen")).with(httpBasic("wang.fang", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void problemsAreRfc9457InThePersonsLanguage() throws Exception {
        mvc.perform(post(path("/notes")).with(httpBasic("li.wei", "demo")).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("text"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
        mvc.perform(post(path("/notes")).with(httpBasic("li.wei", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求无效"))
                .andExpect(jsonPath("$.errors[0].message").value("不能为空"));
        mvc.perform(post(path("/acknowledge")).with(httpBasic("li.wei", "demo"))).andExpect(status().isOk());
        // li.wei's language is zh-CN; no Accept-Language, so the problem is in Chinese.
        mvc.perform(post(path("/acknowledge")).with(httpBasic("li.wei", "demo")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("该工单已受理。"));
        mvc.perform(post(path("/acknowledge")).with(httpBasic("li.wei", "demo")).header("Accept-Language", "en-GB"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("This complaint has already been acknowledged."));
    }

    @Test
    void consoleFormsNeedTheCsrfTokenButAnApiCallWithItsOwnCredentialsDoesNot() throws Exception {
        mvc.perform(post("/desk/complaints/" + maintenance.complaintId() + "/acknowledge").with(httpBasic("li.wei", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/desk/complaints/" + maintenance.complaintId() + "/acknowledge")
                        .with(httpBasic("li.wei", "demo")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/logout")).andExpect(status().isForbidden());
        mvc.perform(post(path("/notes")).with(httpBasic("li.wei", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"内部备注\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void residentPathsAndOtherModulesPathsAreNotTheDesks() throws Exception {
        // The desk alone guards only its own paths; the dashboard and the notifier guard theirs (their tests).
        mvc.perform(get("/dashboard")).andExpect(status().isNotFound());
        mvc.perform(get("/actuator/health")).andExpect(status().is2xxSuccessful());
        mvc.perform(get("/api/v1/complaints/HK-2222-2222")).andExpect(status().isNotFound());
        mvc.perform(get("/open311/v2/services.json")).andExpect(status().isNotFound());
    }

    @Test
    void aPageAskingForSignInIsReturnedToAfterwards() throws Exception {
        mvc.perform(get("/desk/complaints/" + maintenance.complaintId()).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/login?next=%2Fdesk%2Fcomplaints%2F"
                        + maintenance.complaintId()));
        var session = new org.springframework.mock.web.MockHttpSession();
        mvc.perform(get("/login").queryParam("next", "/dashboard?lang=en").queryParam("lang", "en").session(session))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/login?lang=en"));
        var signedIn = mvc.perform(post("/login").session(session).with(csrf())
                        .param("username", "wang.fang").param("password", "demo"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/dashboard?lang=en"))
                .andReturn().getResponse();
        // The shared sign-in cookie: path /, so the other deployables behind the proxy get it too.
        org.assertj.core.api.Assertions.assertThat(signedIn.getHeaders("Set-Cookie"))
                .anySatisfy(c -> org.assertj.core.api.Assertions.assertThat(c)
                        .startsWith("HEARKEN_STAFF=").contains("Path=/").contains("HttpOnly"));
        String cookie = signedIn.getHeaders("Set-Cookie").stream().filter(c -> c.startsWith("HEARKEN_STAFF="))
                .findFirst().orElseThrow().split(";")[0].substring("HEARKEN_STAFF=".length());
        mvc.perform(get("/api/v1/desk/queue").cookie(new jakarta.servlet.http.Cookie("HEARKEN_STAFF", cookie)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.person").value("wang.fang"));
        // Elsewhere than a local path: not followed.
        var other = new org.springframework.mock.web.MockHttpSession();
        mvc.perform(get("/login").queryParam("next", "//evil.example.com/").session(other)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/login").session(other).with(csrf()).param("username", "li.wei").param("password", "demo"))
                .andExpect(header().string("Location", "/desk"));
    }

    @Test
    void theConsoleAnswersAnotherDepartmentsComplaintWithALocalizedNotFoundPageAndNoData() throws Exception {
        String page = mvc.perform(get("/desk/complaints/" + maintenance.complaintId()).with(httpBasic("chen.jing", "demo")))
                .andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(page).contains("不在您的队列中")
                .doesNotContain("电梯异响").doesNotContain("13800138000").doesNotContain("张伟");
        mvc.perform(post("/desk/complaints/" + maintenance.complaintId() + "/acknowledge")
                        .with(httpBasic("chen.jing", "demo")).with(csrf()).param("lang", "en"))
                .andExpect(status().isNotFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("Not in your queue")));
        mvc.perform(get("/desk/complaints/HK-2222-2222").with(httpBasic("li.wei", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void everythingAResidentWroteIsEscapedInTheConsole() throws Exception {
        ComplaintRouted hostile = routed("maintenance", 2, "<img src=x onerror=alert(1)>", "8号楼");
        hostile = new ComplaintRouted(hostile.eventId(), hostile.complaintId(), hostile.at(),
                new io.hearken.events.ComplaintReceived(hostile.complaint().eventId(), hostile.complaintId(),
                        hostile.complaint().at(), hostile.complaint().channel(), "form", null,
                        new io.hearken.events.Contact("<script>steal()</script>", "x@example.com", null),
                        hostile.complaint().residentType(), hostile.complaint().place(), hostile.complaint().subject(),
                        "\"><script>alert('desc')</script>", null, "zh-CN", java.util.List.of(), java.util.Map.of()),
                hostile.classification(), hostile.assignment(), hostile.links());
        assign(hostile);
        String detail = mvc.perform(get("/desk/complaints/" + hostile.complaintId()).with(httpBasic("li.wei", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(detail)
                .contains("&lt;img src=x onerror=alert(1)&gt;", "&lt;script&gt;steal()&lt;/script&gt;",
                        "&quot;&gt;&lt;script&gt;alert(&#39;desc&#39;)&lt;/script&gt;")
                .doesNotContain("<img src=x", "<script>steal", "<script>alert");
        String queue = mvc.perform(get("/desk").param("building", "8号楼").with(httpBasic("li.wei", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(queue).contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img src=x");
    }

    @Test
    void theConsoleSpeaksThePersonsLanguageAndSwitchesOnRequest() throws Exception {
        mvc.perform(get("/desk").with(httpBasic("li.wei", "demo")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("退出")));
        mvc.perform(get("/desk").with(httpBasic("alex.morgan", "demo")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("Sign out")));
        mvc.perform(get("/desk").param("lang", "en").with(httpBasic("li.wei", "demo")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("Sign out")));
        mvc.perform(get("/login").param("lang", "zh-CN"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("用户名")));
    }
}

package io.hearken.desk.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** {@code hearken.staff.login=oidc}: the console sends people to the identity provider (claims: staff-access's tests). */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.elasticsearch.uris=http://127.0.0.1:9",
        "spring.mail.host=127.0.0.1", "hearken.staff.login=oidc",
        "spring.security.oauth2.client.registration.desk.client-id=hearken-desk",
        "spring.security.oauth2.client.registration.desk.client-secret=secret",
        "spring.security.oauth2.client.registration.desk.scope=openid,profile",
        "spring.security.oauth2.client.registration.desk.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.desk.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.registration.desk.provider=corp",
        "spring.security.oauth2.client.provider.corp.authorization-uri=https://sso.example.com/auth",
        "spring.security.oauth2.client.provider.corp.token-uri=https://sso.example.com/token",
        "spring.security.oauth2.client.provider.corp.jwk-set-uri=https://sso.example.com/jwks",
        "spring.security.oauth2.client.provider.corp.user-name-attribute=sub"})
@AutoConfigureMockMvc
class OidcSignInTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theConsoleSendsPeopleToTheIdentityProvider() throws Exception {
        mvc.perform(get("/desk").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/oauth2/authorization/desk")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"password\""))));
        mvc.perform(get("/oauth2/authorization/desk")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", startsWith("https://sso.example.com/auth?")));
        // No demo accounts unless asked for.
        mvc.perform(get("/api/v1/desk/queue").with(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("li.wei", "demo")))
                .andExpect(status().isUnauthorized());
    }
}

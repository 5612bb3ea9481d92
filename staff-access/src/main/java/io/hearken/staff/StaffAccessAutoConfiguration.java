package io.hearken.staff;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Staff sign-in for whichever deployable has this module: accounts, the shared sign-in cookie and the one
 * filter chain over every module's {@link StaffEndpoints}.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration"})
@EnableConfigurationProperties(StaffProperties.class)
@EnableWebSecurity
public class StaffAccessAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StaffAccessAutoConfiguration.class);

    @Bean
    StaffDirectory staffDirectory(StaffProperties properties) {
        StaffDirectory directory = new StaffDirectory(properties);
        if (properties.login() == StaffProperties.Login.FORM && directory.isEmpty()) {
            log.warn("No staff accounts: every staff endpoint answers 401. Set hearken.staff.users[0].username, "
                    + ".password ({bcrypt}... or {noop}...), .departments and .role (docs/desk.md, \"Sign-in\"), or "
                    + "hearken.staff.login=oidc with spring.security.oauth2.client.registration.desk.*; "
                    + "hearken.staff.demo-accounts=true gives the demo accounts (never in production).");
        }
        if (properties.demoAccounts()) {
            log.warn("hearken.staff.demo-accounts=true: the demo accounts (password demo, one of them a manager) can "
                    + "sign in. For a demo on your own machine only.");
        }
        return directory;
    }

    @Bean
    StaffCookie staffCookie(StaffProperties properties, StaffDirectory directory) {
        byte[] secret;
        if (properties.tokenSecret() != null) {
            secret = properties.tokenSecret().getBytes(StandardCharsets.UTF_8);
        } else {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            log.info("hearken.staff.token-secret is not set: a sign-in holds in this process only. Give every "
                    + "deployable behind one proxy the same secret to sign in once for all.");
        }
        String tokenKey = java.util.UUID.randomUUID().toString(); // checks only this process's own tokens
        return new StaffCookie(secret, tokenKey, properties.tokenValidity(), directory,
                properties.login() == StaffProperties.Login.OIDC, Clock.systemUTC());
    }

    @Bean
    SecurityFilterChain staffFilterChain(HttpSecurity http, ObjectProvider<StaffEndpoints> endpoints,
            ObjectProvider<StaffSignInPage> page, StaffProperties properties, StaffCookie cookie,
            ObjectProvider<ClientRegistrationRepository> identityProvider) throws Exception {
        return StaffSecurity.chain(http, endpoints.orderedStream().toList(), page.getIfAvailable(), properties, cookie,
                cookie.tokenKey(), identityProvider.getIfAvailable() != null);
    }
}

package io.hearken.desk.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in guards the staff side only. The filter chain matches the desk's paths; the resident pages,
 * the intake APIs and health stay open (in the all-in-one they share this server).
 */
@Configuration(proxyBeanMethods = false)
class DeskSecurity {

    @Bean
    SecurityFilterChain deskFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/desk/**", "/api/v1/desk/**", "/login", "/logout")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .httpBasic(Customizer.withDefaults())
                .build();
    }
}

package io.hearken.desk.files;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The attachment settings, the multipart limits the desk needs (at the lowest precedence, like the web channel's),
 * and a filter that refuses an upload over the limits by its {@code Content-Length}, before the body is read.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttachmentProperties.class)
@PropertySource("classpath:io/hearken/desk/desk-defaults.properties")
class FilesConfiguration {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> deskUploadLimit(AttachmentProperties properties) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String type = request.getContentType();
                if ("POST".equals(request.getMethod()) && type != null && type.toLowerCase().startsWith("multipart/")
                        && request.getContentLengthLong() > properties.maxRequestBytes()) {
                    response.setStatus(413);
                    response.setContentType("application/problem+json");
                    response.getWriter().write("{\"type\":\"https://hearken.io/problems/desk/too-large\",\"title\":"
                            + "\"Too large\",\"status\":413,\"detail\":\"At most " + properties.maxFiles() + " files of "
                            + properties.sizeLabel() + " each.\"}");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/v1/desk/complaints/*", "/desk/complaints/*");
        registration.setOrder(-200); // before Spring Security's filters could touch the body (CSRF reads parameters)
        return registration;
    }
}

package io.hearken.events.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * The static files (the form's, the desk's and the dashboard's styles and scripts) served from memory. Boot's handler
 * looks a file up on the class path at every request, three times (is it there, when was it changed, its content), and
 * in the fat jar each look-up searches the nested jars one after the other, through all of them for every location the
 * file is not in: a GET of a 1.3 kB style sheet took 3.3 ms of CPU, three quarters of it these look-ups
 * (docs/BENCHMARKS.md). Here the same locations, cache headers and last-modified as Boot's, each file found and read
 * once: the files are in the jar and do not change while it runs. With {@code spring.web.resources.chain.enabled}
 * (versioned paths and the like) Boot's own chain serves them instead, and with {@code
 * spring.web.resources.chain.cache=false} (files edited while it runs) Boot's handler as it is.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
@ConditionalOnProperty(name = "spring.web.resources.add-mappings", matchIfMissing = true)
@ConditionalOnProperty(name = "spring.web.resources.chain.enabled", havingValue = "false", matchIfMissing = true)
@ConditionalOnProperty(name = "spring.web.resources.chain.cache", matchIfMissing = true)
@EnableConfigurationProperties(WebProperties.class)
public class StaticFilesAutoConfiguration {

    /** The pattern Boot serves the static locations under (its {@code spring.mvc.static-path-pattern} default). */
    static final String PATTERN = "/**";

    @Bean
    StaticFilesInMemory staticFilesInMemory(WebProperties web) {
        return new StaticFilesInMemory(web.getResources());
    }

    /** Registered before Boot's configurer, which then leaves the pattern to this one. */
    static final class StaticFilesInMemory implements WebMvcConfigurer, Ordered {

        private final WebProperties.Resources resources;

        StaticFilesInMemory(WebProperties.Resources resources) {
            this.resources = resources;
        }

        @Override
        public void addResourceHandlers(ResourceHandlerRegistry registry) {
            if (registry.hasMappingForPattern(PATTERN)) {
                return;
            }
            WebProperties.Resources.Cache cache = resources.getCache();
            var registration = registry.addResourceHandler(PATTERN)
                    .addResourceLocations(resources.getStaticLocations())
                    .setUseLastModified(cache.isUseLastModified());
            if (cache.getPeriod() != null) {
                registration.setCachePeriod((int) cache.getPeriod().getSeconds());
            }
            var control = cache.getCachecontrol().toHttpCacheControl();
            if (control != null) {
                registration.setCacheControl(control);
            }
            // true: the chain caches what its resolvers found and what its transformers made, by path.
            registration.resourceChain(true).addTransformer(new ReadOnce());
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** A copy in memory, with the file's name and last-modified time; the chain's cache keeps it. */
    static final class ReadOnce implements ResourceTransformer {

        @Override
        public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
                throws IOException {
            Resource found = chain.transform(request, resource);
            return found instanceof TransformedResource ? found : new TransformedResource(found, found.getContentAsByteArray());
        }
    }
}

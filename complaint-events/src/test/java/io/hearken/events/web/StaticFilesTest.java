package io.hearken.events.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.servlet.config.annotation.DelegatingWebMvcConfiguration;

/**
 * The static files are found and read once, then served from memory with Boot's headers; the class loader, whose
 * look-ups are what a fat jar makes dear, is counted.
 */
class StaticFilesTest {

    private static final String FILE = "static-files-test/probe.css";

    /** Counts the look-ups of each name (a jar's class loader searches its jars for each). */
    static final class CountingLoader extends ClassLoader {
        final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

        CountingLoader() {
            super(StaticFilesTest.class.getClassLoader());
        }

        @Override
        public URL getResource(String name) {
            lookups.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            return super.getResource(name);
        }

        int of(String name) {
            AtomicInteger n = lookups.get(name);
            return n == null ? 0 : n.get();
        }
    }

    private final CountingLoader loader = new CountingLoader();
    private GenericWebApplicationContext context;
    private MockMvc mvc;

    @BeforeEach
    void start() {
        WebProperties.Resources resources = new WebProperties().getResources();
        resources.setStaticLocations(new String[] {"classpath:/static-files-test/"});
        resources.getCache().getCachecontrol().setMaxAge(Duration.ofHours(1));
        context = new GenericWebApplicationContext(new MockServletContext());
        context.setClassLoader(loader);
        AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
        context.registerBean(DelegatingWebMvcConfiguration.class);
        context.registerBean(StaticFilesAutoConfiguration.StaticFilesInMemory.class, () ->
                new StaticFilesAutoConfiguration.StaticFilesInMemory(resources));
        context.refresh();
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void aFileIsLookedUpAndReadOnceThenServedFromMemoryWithBootsHeaders() throws Exception {
        byte[] file = loader.getResourceAsStream(FILE).readAllBytes();
        int before = loader.of(FILE);

        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/probe.css"))
                    .andExpect(status().isOk())
                    .andExpect(content().bytes(file))
                    .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "text/css"))
                    .andExpect(header().longValue(HttpHeaders.CONTENT_LENGTH, file.length))
                    .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=3600"))
                    .andExpect(header().exists(HttpHeaders.LAST_MODIFIED));
            if (i == 0) {
                assertThat(loader.of(FILE)).as("found and read at the first request").isGreaterThan(before);
                before = loader.of(FILE);
            }
        }

        assertThat(loader.of(FILE)).as("no look-up after the first request").isEqualTo(before);
        assertThat(new String(file, StandardCharsets.UTF_8)).contains("color: #123456");
    }

    @Test
    void anUnchangedFileIsAnsweredNotModifiedAndAMissingOneNotFound() throws Exception {
        String lastModified = mvc.perform(get("/probe.css")).andReturn().getResponse()
                .getHeader(HttpHeaders.LAST_MODIFIED);

        mvc.perform(get("/probe.css").header(HttpHeaders.IF_MODIFIED_SINCE, lastModified))
                .andExpect(status().isNotModified());
        mvc.perform(get("/absent.css")).andExpect(status().isNotFound());
        mvc.perform(get("/../static-files-test/probe.css")).andExpect(status().isNotFound());
    }

    @Test
    void bootsOwnHandlerServesTheFilesWithItsChainOrWithoutCaching() {
        var runner = new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(StaticFilesAutoConfiguration.class));

        runner.run(context -> assertThat(context)
                .hasSingleBean(StaticFilesAutoConfiguration.StaticFilesInMemory.class));
        runner.withPropertyValues("spring.web.resources.chain.enabled=true").run(context -> assertThat(context)
                .doesNotHaveBean(StaticFilesAutoConfiguration.StaticFilesInMemory.class));
        runner.withPropertyValues("spring.web.resources.add-mappings=false").run(context -> assertThat(context)
                .doesNotHaveBean(StaticFilesAutoConfiguration.StaticFilesInMemory.class));
        runner.withPropertyValues("spring.web.resources.chain.cache=false").run(context -> assertThat(context)
                .doesNotHaveBean(StaticFilesAutoConfiguration.StaticFilesInMemory.class));
    }
}

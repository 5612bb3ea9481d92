package io.hearken.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.analytics.indexing.IndexSetup;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.elasticsearch.client.Request;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The aliases point at the versioned indices the versioned templates made; an older instance never downgrades a template. */
class IndexSetupTest extends AnalyticsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TEMPLATE = "analytics/elasticsearch/complaints-template.json";

    @Test
    void eachAliasIsTheWriteAliasOfItsFirstVersionedIndexMadeFromTheTemplate() throws Exception {
        new IndexSetup(elasticsearch).ensure(); // idempotent: a second instance at start-up
        for (String[] alias : new String[][] {{"complaints", "complaints-v1", "hearken-complaints", TEMPLATE},
                {"complaint-events", "complaint-events-v1", "hearken-complaint-events",
                        "analytics/elasticsearch/complaint-events-template.json"}}) {
            JsonNode aliases = JSON.readTree(raw("GET", "/_alias/" + alias[0]));
            assertThat(aliases.properties()).extracting(java.util.Map.Entry::getKey).containsExactly(alias[1]);
            assertThat(aliases.path(alias[1]).path("aliases").path(alias[0]).path("is_write_index").asBoolean())
                    .isTrue();
            JsonNode template = JSON.readTree(raw("GET", "/_index_template/" + alias[2]))
                    .path("index_templates").get(0).path("index_template");
            assertThat(template.path("version").asLong())
                    .isEqualTo(JSON.readTree(resource(alias[3])).path("version").asLong());
            assertThat(template.path("index_patterns").get(0).asString()).isEqualTo(alias[0] + "-v*");
            // Free text is analysed for Chinese on the live index, as in production.
            JsonNode mapping = JSON.readTree(raw("GET", "/" + alias[0] + "/_mapping")).path(alias[1]).path("mappings");
            assertThat(mapping.path("dynamic").asString()).isEqualTo("false");
        }
        JsonNode description = JSON.readTree(raw("GET", "/complaints/_mapping")).path("complaints-v1")
                .path("mappings").path("properties").path("description");
        assertThat(description.path("analyzer").asString()).isEqualTo("smartcn");
        assertThat(description.path("fields").path("cjk").path("analyzer").asString()).isEqualTo("cjk");
    }

    @Test
    void anOlderInstanceLeavesANewerTemplateAlone() throws Exception {
        String ours = resource(TEMPLATE);
        ObjectNode newer = (ObjectNode) JSON.readTree(ours);
        newer.put("version", 1000);
        ((ObjectNode) newer.path("template").path("mappings").path("properties"))
                .putObject("addedInVersion1000").put("type", "keyword");
        try {
            elasticsearch.indices().putIndexTemplate(p -> p.name("hearken-complaints")
                    .withJson(new StringReader(JSON.writeValueAsString(newer))));

            new IndexSetup(elasticsearch).ensure(); // this instance only knows its own, older version

            JsonNode template = JSON.readTree(raw("GET", "/_index_template/hearken-complaints"))
                    .path("index_templates").get(0).path("index_template");
            assertThat(template.path("version").asLong()).isEqualTo(1000);
            assertThat(template.path("template").path("mappings").path("properties").has("addedInVersion1000")).isTrue();
        } finally {
            elasticsearch.indices().putIndexTemplate(p -> p.name("hearken-complaints").withJson(new StringReader(ours)));
        }
        // And a template of the same or an older version is put again (a restart, a fresh template).
        Request delete = new Request("DELETE", "/_index_template/hearken-complaints");
        restClient.performRequest(delete);
        new IndexSetup(elasticsearch).ensure();
        assertThat(JSON.readTree(raw("GET", "/_index_template/hearken-complaints")).path("index_templates").get(0)
                .path("index_template").path("version").asLong())
                .isEqualTo(JSON.readTree(ours).path("version").asLong());
        // The live index has every field of the template (a new version's fields are put on it).
        JsonNode live = JSON.readTree(raw("GET", "/complaints/_mapping")).path("complaints-v1").path("mappings")
                .path("properties");
        JSON.readTree(ours).path("template").path("mappings").path("properties").properties()
                .forEach(f -> assertThat(live.has(f.getKey())).as("live field %s", f.getKey()).isTrue());
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = IndexSetupTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

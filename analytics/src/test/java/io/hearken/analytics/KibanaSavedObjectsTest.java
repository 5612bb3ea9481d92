package io.hearken.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kibana saved objects (analytics/kibana/hearken-saved-objects.ndjson) reference only fields the real
 * index mappings have, as Elasticsearch reports them for the aliases the data views name; and the dashboard
 * references only objects in the file.
 */
class KibanaSavedObjectsTest extends AnalyticsIntegrationTest {

    static final Path NDJSON = Path.of("kibana/hearken-saved-objects.ndjson");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern KQL_TYPE = Pattern.compile("\\btype\\s*:\\s*\"([^\"]+)\"");
    /** The list: volume by category over time, by channel, by building, SLA compliance, mean time to
     * first response and to resolution, open backlog by department, top repeat locations, satisfaction
     * trend, escalations; (issue #17) angry complaints over time and counts by customer type; (issue #18) overdue
     * return visits by department and the staff KPIs by handler. */
    static final List<String> REQUIRED = List.of("hearken-volume-by-category", "hearken-by-channel",
            "hearken-by-building", "hearken-sla-compliance", "hearken-response-times", "hearken-open-backlog",
            "hearken-repeat-locations", "hearken-satisfaction-trend", "hearken-escalations", "hearken-angry-trend",
            "hearken-by-customer-type", "hearken-overdue-return-visits", "hearken-staff-kpis");
    private static final Pattern KQL_FIELD = Pattern.compile("([A-Za-z_][\\w.]*)\\s*(?::|>=|<=|>|<)");

    @Test
    void everyFieldTheSavedObjectsUseExistsInTheIndexMapping() throws Exception {
        List<JsonNode> objects = Files.readAllLines(NDJSON, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).map(JSON::readTree).toList();
        Map<String, String> aliasOfDataView = new HashMap<>();
        Map<String, Set<String>> used = new HashMap<>();
        Set<String> ids = new HashSet<>();
        Set<String> onDashboard = new HashSet<>();
        Set<String> eventTypes = new TreeSet<>();
        for (JsonNode o : objects) {
            ids.add(o.path("id").asString());
            if (o.path("type").asString().equals("index-pattern")) {
                String alias = o.path("attributes").path("title").asString();
                aliasOfDataView.put(o.path("id").asString(), alias);
                used.computeIfAbsent(alias, k -> new TreeSet<>()).add(o.path("attributes").path("timeFieldName").asString());
            }
        }
        assertThat(aliasOfDataView.values()).containsExactlyInAnyOrder("complaints", "complaint-events");
        int visualisations = 0;
        for (JsonNode o : objects) {
            String type = o.path("type").asString();
            if (type.equals("visualization")) {
                visualisations++;
                String dataView = o.path("references").get(0).path("id").asString();
                assertThat(aliasOfDataView).containsKey(dataView);
                Set<String> fields = used.computeIfAbsent(aliasOfDataView.get(dataView), k -> new TreeSet<>());
                JsonNode visState = JSON.readTree(o.path("attributes").path("visState").asString());
                for (JsonNode agg : visState.path("aggs")) {
                    if (agg.path("params").has("field")) {
                        fields.add(agg.path("params").path("field").asString());
                    }
                }
                JsonNode source = JSON.readTree(o.path("attributes").path("kibanaSavedObjectMeta")
                        .path("searchSourceJSON").asString());
                String kql = source.path("query").path("query").asString("");
                Matcher m = KQL_FIELD.matcher(kql);
                while (m.find()) {
                    fields.add(m.group(1));
                }
                Matcher t = KQL_TYPE.matcher(kql);
                while (t.find()) {
                    eventTypes.add(t.group(1));
                }
                for (JsonNode filter : source.path("filter")) {
                    if (filter.path("meta").has("key")) {
                        fields.add(filter.path("meta").path("key").asString());
                    }
                }
            } else if (type.equals("dashboard")) {
                for (JsonNode ref : o.path("references")) {
                    onDashboard.add(ref.path("id").asString());
                    assertThat(ids).as("dashboard panel %s", ref.path("id").asString()).contains(ref.path("id").asString());
                }
            }
        }
        assertThat(visualisations).isGreaterThanOrEqualTo(9);
        // Every visualisation the issue asks for is there, and on the dashboard.
        assertThat(ids).containsAll(REQUIRED);
        assertThat(onDashboard).containsAll(REQUIRED);
        // A KQL filter on the event type names a type the contract really has.
        Set<String> typeIds = new TreeSet<>();
        for (var t : io.hearken.events.ComplaintEvent.class
                .getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value()) {
            typeIds.add(t.name());
        }
        assertThat(typeIds).containsAll(eventTypes);

        for (var entry : used.entrySet()) {
            Set<String> mapped = mappedFields(entry.getKey());
            assertThat(mapped).as("fields of %s", entry.getKey()).containsAll(entry.getValue());
        }
    }

    /** The committed NDJSON is what the committed generator writes (someone edited one and not the other). */
    @Test
    void theFileIsWhatItsGeneratorWrites() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(python), "python3 is not installed");
        Path dir = Files.createTempDirectory("hearken-kibana");
        Files.copy(Path.of("kibana/generate_saved_objects.py"), dir.resolve("generate_saved_objects.py"));
        Process p = new ProcessBuilder(python.toString(), "generate_saved_objects.py").directory(dir.toFile())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("generator output: %s", output).isZero();
        assertThat(Files.readString(dir.resolve("hearken-saved-objects.ndjson"), StandardCharsets.UTF_8))
                .as("run analytics/kibana/generate_saved_objects.py and commit both files")
                .isEqualTo(Files.readString(NDJSON, StandardCharsets.UTF_8));
    }

    /** Every field path (with multi-fields such as {@code description.cjk}) of the index behind the alias. */
    private Set<String> mappedFields(String alias) throws Exception {
        JsonNode response = JSON.readTree(raw("GET", "/" + alias + "/_mapping"));
        Set<String> fields = new TreeSet<>();
        for (JsonNode index : response) {
            collect("", index.path("mappings").path("properties"), fields);
        }
        assertThat(fields).isNotEmpty();
        return fields;
    }

    private static void collect(String prefix, JsonNode properties, Set<String> into) {
        for (var e : properties.properties()) {
            String path = prefix + e.getKey();
            into.add(path);
            collect(path + ".", e.getValue().path("properties"), into);
            collect(path + ".", e.getValue().path("fields"), into);
        }
    }
}

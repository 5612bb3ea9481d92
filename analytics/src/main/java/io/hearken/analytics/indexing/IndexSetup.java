package io.hearken.analytics.indexing;

import io.hearken.readmodel.Indices;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts the versioned composable index templates and creates the first index behind each alias,
 * idempotently (any number of instances, any number of restarts). Mappings only grow: on an existing
 * index the template's mapping is put again, which adds new fields and changes nothing else. A field the
 * documents already carried in their source before it was mapped is searchable only once a document is written
 * again: the start-up that maps it rewrites those documents ({@link BackfillingCorrections}) before it records
 * the new version in the index's {@code _meta}, so a failure on the way is retried at the next.
 */
public final class IndexSetup {

    private static final Logger log = LoggerFactory.getLogger(IndexSetup.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The template for one alias: its name, first index and resource; it matches the alias's {@code -v*} indices. */
    record Template(String name, String alias, String firstIndex, String resource) {

        String pattern() {
            return alias + "-v*";
        }

        /** The same names with a prefix: a set of indices of its own (tests of an upgrade beside the live ones). */
        Template prefixed(String prefix) {
            return new Template(prefix + name, prefix + alias, prefix + firstIndex, resource);
        }
    }

    static final Template COMPLAINTS = new Template("hearken-complaints", Indices.COMPLAINTS, Indices.COMPLAINTS_V1,
            "analytics/elasticsearch/complaints-template.json");
    static final Template EVENTS = new Template("hearken-complaint-events", Indices.EVENTS, Indices.EVENTS_V1,
            "analytics/elasticsearch/complaint-events-template.json");

    private final ElasticsearchClient client;
    private final Template complaints;
    private final Template events;
    private volatile boolean done;

    public IndexSetup(ElasticsearchClient client) {
        this(client, COMPLAINTS, EVENTS);
    }

    IndexSetup(ElasticsearchClient client, Template complaints, Template events) {
        this.client = client;
        this.complaints = complaints;
        this.events = events;
    }

    /** Once per process when it succeeds; throws (to be retried) while Elasticsearch is unreachable. */
    public void ensure() throws IOException {
        if (done) {
            return;
        }
        synchronized (this) {
            if (!done) {
                put(events); // first: the complaints' backfill reads it
                put(complaints);
                done = true;
            }
        }
    }

    /** Best effort at start-up: the indexer calls {@link #ensure()} again before it writes. */
    void tryAtStartup() {
        try {
            ensure();
        } catch (IOException | RuntimeException e) {
            log.warn("Elasticsearch not ready for the index templates yet ({}); will retry before indexing", e.toString());
        }
    }

    private void put(Template t) throws IOException {
        ObjectNode template = (ObjectNode) JSON.readTree(resource(t.resource()));
        template.putArray("index_patterns").add(t.pattern());
        String json = JSON.writeValueAsString(template);
        long ours = template.path("version").asLong();
        Long installed = installedVersion(t);
        // During a rolling upgrade an older instance may restart after a newer one: it must not put its older
        // template (or mapping) back. The newer mapping is a superset, so this instance can still write.
        boolean newerInstalled = installed != null && installed > ours;
        if (newerInstalled) {
            log.warn("Index template {} is at version {}, newer than this instance's {}; leaving it", t.name(),
                    installed, ours);
        } else {
            client.indices().putIndexTemplate(p -> p.name(t.name()).withJson(new StringReader(json)));
        }
        if (client.indices().existsAlias(a -> a.name(t.alias())).value()) {
            if (!newerInstalled) {
                ObjectNode mapping = (ObjectNode) template.path("template").path("mappings");
                if (t.equals(complaints) && liveVersion(t) < BackfillingCorrections.MAPPED_SINCE) {
                    // The new fields first, the version (in _meta) only once the documents are rewritten.
                    ObjectNode fieldsOnly = mapping.deepCopy();
                    fieldsOnly.remove("_meta");
                    putMapping(t, fieldsOnly);
                    new BackfillingCorrections(client).run(complaints.alias(), events.alias());
                }
                putMapping(t, mapping);
            }
            return;
        }
        try {
            client.indices().create(c -> c.index(t.firstIndex())
                    .aliases(t.alias(), a -> a.isWriteIndex(true)));
            log.info("Created index {} behind alias {}", t.firstIndex(), t.alias());
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e; // another instance won the race: fine; anything else is not
            }
        }
    }

    private void putMapping(Template t, JsonNode mapping) throws IOException {
        String body = JSON.writeValueAsString(mapping);
        client.indices().putMapping(m -> m.index(t.alias()).withJson(new StringReader(body)));
    }

    /** The lowest mapping version ({@code _meta.version}) of the indices behind the alias; 0 when one has none. */
    private long liveVersion(Template t) throws IOException {
        return client.indices().getMapping(g -> g.index(t.alias())).result().values().stream()
                .mapToLong(i -> {
                    var meta = i.mappings().meta();
                    return meta == null || !meta.containsKey("version") ? 0 : meta.get("version").to(Long.class);
                }).min().orElse(0);
    }

    /** The version of the template as Elasticsearch has it, or null when it is not there (or has none). */
    private Long installedVersion(Template t) throws IOException {
        if (!client.indices().existsIndexTemplate(e -> e.name(t.name())).value()) {
            return null;
        }
        return client.indices().getIndexTemplate(g -> g.name(t.name())).indexTemplates().stream()
                .map(i -> i.indexTemplate().version()).filter(Objects::nonNull).findFirst().orElse(null);
    }

    static String resource(String name) {
        try (InputStream in = IndexSetup.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapping properties of a template resource, for tests and docs. */
    static JsonNode mappingProperties(Template t) {
        return JSON.readTree(resource(t.resource())).path("template").path("mappings").path("properties");
    }
}

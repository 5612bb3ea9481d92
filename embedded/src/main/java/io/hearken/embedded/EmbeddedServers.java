package io.hearken.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * The real servers of one JVM: started once (in parallel), shared by every Spring context in it (all
 * test classes of a module), stopped at JVM shutdown (in the all-in-one after the Spring application has
 * closed), so Ctrl-C also stops the Elasticsearch child.
 */
public final class EmbeddedServers {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);
    private static EmbeddedServers shared;
    private static EmbeddedServers sharedSecured;

    private final EmbeddedSettings settings;
    private volatile EmbeddedKafka kafka;
    private volatile EmbeddedElasticsearch elasticsearch;
    private volatile EmbeddedMail mail;

    private EmbeddedServers(EmbeddedSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts the servers the settings ask for, the first time; later calls get the same servers (in tests,
     * plus any the later settings ask for that are not running yet).
     */
    public static synchronized EmbeddedServers shared(EmbeddedSettings settings) {
        EmbeddedServers existing = settings.secured() ? sharedSecured : shared;
        if (existing == null) {
            EmbeddedServers servers = new EmbeddedServers(settings);
            if (settings.temporary()) {
                // Tests: the servers outlive every cached Spring context of the JVM.
                Runtime.getRuntime().addShutdownHook(new Thread(servers::stop, "hearken-embedded-shutdown"));
            } else {
                // All-in-one: only after Spring has closed the application (listeners, streams, producers),
                // so nothing is left talking to a stopped broker; Ctrl-C still reaches this through Boot's hook.
                SpringApplication.getShutdownHandlers().add(servers::stop);
            }
            servers.start(settings);
            if (settings.secured()) {
                sharedSecured = servers;
            } else {
                shared = servers;
            }
            return servers;
        } else if (settings.temporary()) {
            existing.start(settings);
        }
        return existing;
    }

    /** The (plain) servers already running in this JVM, or {@code null}. */
    public static synchronized EmbeddedServers current() {
        return shared;
    }

    /** The secured servers already running in this JVM ({@code hearken.embedded.secured}), or {@code null}. */
    public static synchronized EmbeddedServers currentSecured() {
        return sharedSecured;
    }

    /**
     * Starts each server {@code wanted} asks for that is not running yet. The first context of a test JVM may
     * bring its own broker (or none of a kind): a later context that needs the shared one still gets it,
     * whatever order the test classes run in.
     */
    private synchronized void start(EmbeddedSettings wanted) {
        long started = System.nanoTime();
        // Before the servers start in parallel: where Elasticsearch keeps its data depends on this folder's
        // permissions, and a fresh ./data must not send the first run's node to $TMPDIR and the next one's here.
        unchecked(() -> Files.createDirectories(settings.dataDir()));
        CompletableFuture<Void> k = wanted.startKafka() && kafka == null
                ? CompletableFuture.runAsync(() -> kafka = unchecked(() -> EmbeddedKafka.start(settings.dataDir().resolve("kafka"), wanted.kafkaPort(), settings.secured())))
                : CompletableFuture.completedFuture(null);
        CompletableFuture<Void> e = wanted.startElasticsearch() && elasticsearch == null
                ? CompletableFuture.runAsync(() -> elasticsearch = unchecked(() -> EmbeddedElasticsearch.start(
                        EmbeddedElasticsearch.home(settings.elasticsearchHome()), elasticsearchDir(),
                        wanted.elasticsearchPort(), settings.elasticsearchHeap(), settings.secured())))
                : CompletableFuture.completedFuture(null);
        if (wanted.startMail() && mail == null) {
            mail = EmbeddedMail.start(settings.dataDir().resolve("mail"),
                    EmbeddedMail.limits(wanted.mailMaxPerMailbox(), wanted.mailMaxProcessed(), wanted.mailMaxTotal()), wanted.smtpPort(), wanted.imapPort());
        }
        try {
            CompletableFuture.allOf(k, e).join();
        } catch (RuntimeException failure) {
            stop();
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            throw new IllegalStateException("Embedded servers failed to start: " + cause.getMessage(), cause);
        }
        Map<String, Object> shown = new LinkedHashMap<>(properties());
        shown.replaceAll((key, value) -> key.contains("password") || key.contains("jaas") ? "******" : value);
        log.info("Embedded servers up in {} ms: {}", (System.nanoTime() - started) / 1_000_000, shown);
    }

    /** Elasticsearch runs as 'nobody' when we are root, so its folder must be reachable by that user. */
    private Path elasticsearchDir() {
        Path dir = settings.dataDir().resolve("elasticsearch").toAbsolutePath();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && !NodeFiles.readableByOthers(settings.dataDir().toAbsolutePath())) {
            dir = Path.of(System.getProperty("java.io.tmpdir"), "hearken-data-"
                    + Integer.toHexString(dir.toString().hashCode()), "elasticsearch");
        }
        return dir;
    }

    /** Base64 of the 32 bytes {@code hearken-demo-master-key-32-bytes}. */
    public static final String DEMO_MASTER_KEY = java.util.Base64.getEncoder().encodeToString(
            "hearken-demo-master-key-32-bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    /** The Spring properties that point every module at these servers. */
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        // The all-in-one's and the tests' key for the data keys: public, so the prod profile refuses it.
        p.put("hearken.privacy.master-key", DEMO_MASTER_KEY);
        if (kafka != null) {
            p.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
            if (kafka.secured()) {
                // What an operator gives for a SASL cluster (docs/operations.md): every Kafka client takes it from here.
                Map<String, Object> client = kafka.clientProperties();
                p.put("spring.kafka.security.protocol", client.get("security.protocol"));
                p.put("spring.kafka.properties.sasl.mechanism", client.get("sasl.mechanism"));
                p.put("spring.kafka.properties.sasl.jaas.config", client.get("sasl.jaas.config"));
            }
        }
        if (elasticsearch != null) {
            p.put("hearken.elasticsearch.uris", elasticsearch.uri());
            ElasticsearchSecurity security = elasticsearch.security();
            if (security != null) {
                p.put("hearken.elasticsearch.username", security.username());
                p.put("hearken.elasticsearch.password", security.password());
                p.put("hearken.elasticsearch.ca-certificate", security.caCertificate().toString());
            }
        }
        if (mail != null) {
            p.put("spring.mail.host", "127.0.0.1");
            p.put("spring.mail.port", mail.smtpPort());
            p.put("hearken.email.imap.host", "127.0.0.1");
            p.put("hearken.email.imap.port", mail.imapPort());
            p.put("hearken.email.imap.username", EmbeddedMail.COMPLAINTS_ADDRESS);
            p.put("hearken.email.imap.password", EmbeddedMail.COMPLAINTS_PASSWORD);
            p.put("hearken.notifier.journal.address", EmbeddedMail.JOURNAL_ADDRESS);
            p.put("hearken.notifier.journal.imap-host", "127.0.0.1");
            p.put("hearken.notifier.journal.imap-port", mail.imapPort());
            p.put("hearken.notifier.journal.username", EmbeddedMail.JOURNAL_ADDRESS);
            p.put("hearken.notifier.journal.password", EmbeddedMail.JOURNAL_ADDRESS);
        }
        return p;
    }

    Path dataDir() {
        return settings.dataDir();
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedElasticsearch elasticsearch() {
        return elasticsearch;
    }

    public EmbeddedMail mail() {
        return mail;
    }

    /**
     * Elasticsearch first and in parallel: it is a separate process and must never outlive us. Each
     * stop is bounded, so one server that hangs cannot keep the others (or the JVM) from stopping.
     */
    private synchronized void stop() {
        CompletableFuture<Void> es = elasticsearch == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> quietly(elasticsearch::close));
        if (mail != null) {
            quietly(mail::close);
        }
        if (kafka != null) {
            try {
                CompletableFuture.runAsync(() -> quietly(kafka::close)).get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("Kafka did not stop within 20 s; going on: {}", e.toString());
            }
        }
        es.join();
        if (settings.temporary()) {
            EmbeddedKafka.deleteQuietly(settings.dataDir());
        }
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | Error e) {
            log.warn("Error while stopping an embedded server: {}", e.toString());
        }
    }

    private interface Starter<T> {
        T start() throws Exception;
    }

    private static <T> T unchecked(Starter<T> starter) {
        try {
            return starter.start();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static Path temporaryDataDir() {
        try {
            Path dir = Files.createTempDirectory("hearken-embedded-");
            dir.toFile().setExecutable(true, false);
            dir.toFile().setReadable(true, false);
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

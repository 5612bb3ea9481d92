package io.hearken.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real Kafka broker and controller in one KRaft node, in this JVM, from Kafka's own server classes. */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    /** The one user of the secured broker (SASL PLAIN); its password is new at each start. */
    public static final String SASL_USERNAME = "hearken";

    private final Path logDir;
    private final int port;
    private final KafkaConfig config;
    private final String saslPassword;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path logDir, int port, KafkaConfig config, String saslPassword, KafkaRaftServer server) {
        this.logDir = logDir;
        this.port = port;
        this.config = config;
        this.saslPassword = saslPassword;
        this.server = server;
    }

    /** Formats {@code logDir} on first use (kept on later starts) and starts the node on {@code port} (0 = free port). */
    public static EmbeddedKafka start(Path logDir, int port) throws Exception {
        return start(logDir, port, false);
    }

    /**
     * The same; {@code secured}: the client listener takes only SASL (PLAIN over plaintext) from the user
     * {@link #SASL_USERNAME}, so a client without the credentials of {@link #clientProperties()} is refused.
     * The controller listener stays plain (it is the node talking to itself).
     */
    public static EmbeddedKafka start(Path logDir, int port, boolean secured) throws Exception {
        Files.createDirectories(logDir);
        int brokerPort = port == 0 ? Ports.free() : port;
        // A fixed port only: a free one may be held for an instant by a parallel pick (the other server's).
        if (port != 0 && Ports.inUse(brokerPort)) {
            // A second all-in-one on the same data folder would corrupt the first one's log.
            throw new IllegalStateException("Port " + brokerPort + " is taken: is another Hearken (or Kafka) running? "
                    + "Stop it, or point spring.kafka.bootstrap-servers at it to use it instead.");
        }
        int controllerPort = Ports.free();
        while (controllerPort == brokerPort) { // the kernel may hand the same free port out twice in a row
            controllerPort = Ports.free();
        }
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        String listener = secured ? "SASL_PLAINTEXT" : "PLAINTEXT";
        props.put("listeners", listener + "://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", listener + "://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", listener);
        props.put("listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:PLAINTEXT");
        String saslPassword = secured ? java.util.UUID.randomUUID().toString() : null;
        if (secured) {
            props.put("sasl.enabled.mechanisms", "PLAIN");
            props.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
            // The broker's own login (first two) and the users it accepts (user_<name>): only ours.
            props.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", plainLogin(saslPassword)
                    .replace(";", " user_" + SASL_USERNAME + "=\"" + saslPassword + "\";"));
        }
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "3");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.flush.interval.messages", "10000");
        // The log cleaner's dedupe map is a heap buffer in this JVM (the default 128 MB was a quarter of a 512 MB heap),
        // cleared at every pass: the key topic is cleaned every minute (docs/privacy.md), and clearing 16 MB while the
        // cleaner's code still ran interpreted took 0.3 s a pass. 4 MB maps ~150,000 keys per pass, far more than a
        // minute of new keys; more keys only take more passes.
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
        KafkaConfig config = new KafkaConfig(props, false);
        // A broker inside the application must not halt or exit the application's JVM on a fatal error
        // (its shutdown hooks, which stop the Elasticsearch child, would never run).
        Exit.setExitProcedure((code, message) -> log.error("Embedded Kafka asked to exit ({}): {}", code, message));
        Exit.setHaltProcedure((code, message) -> log.error("Embedded Kafka asked to halt ({}): {}", code, message));

        // The all-in-one keeps its data between runs: format only a new log directory.
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        EmbeddedKafka kafka = new EmbeddedKafka(logDir, brokerPort, config, saslPassword, server);
        kafka.awaitReady(Duration.ofSeconds(60));
        log.info("Kafka (KRaft) ready on {}", kafka.bootstrapServers());
        return kafka;
    }

    private static void format(Path logDir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setControllerListenerName("CONTROLLER")
                .run();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean secured() {
        return saslPassword != null;
    }

    /**
     * What a client needs to connect: {@code bootstrap.servers} and, when secured, {@code security.protocol},
     * {@code sasl.mechanism} and {@code sasl.jaas.config}.
     */
    public Map<String, Object> clientProperties() {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (secured()) {
            p.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
            p.put("sasl.mechanism", "PLAIN");
            p.put("sasl.jaas.config", plainLogin(saslPassword));
        }
        return p;
    }

    private static String plainLogin(String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + SASL_USERNAME
                + "\" password=\"" + password + "\";";
    }

    private void awaitReady(Duration timeout) throws Exception {
        Map<String, Object> config = new HashMap<>(clientProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka did not become ready within " + timeout, notYet);
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * Stops the node as a broker outage does (clients see connections refused), keeping its log directory; {@link
     * #restart()} brings it back. For fault tests.
     */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
            log.info("Kafka (KRaft) on {} stopped", bootstrapServers());
        }
    }

    /** Starts the node again on the same ports and log directory (a KafkaRaftServer is not restartable: a new one). */
    public synchronized void restart() throws Exception {
        if (server != null) {
            throw new IllegalStateException("Kafka on " + bootstrapServers() + " is running");
        }
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitReady(Duration.ofSeconds(60));
        log.info("Kafka (KRaft) on {} restarted", bootstrapServers());
    }

    @Override
    public void close() {
        stop();
    }

    Path logDir() {
        return logDir;
    }

    static void deleteQuietly(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException ignored) {
            // a temp folder left behind is not worth failing a shutdown for
        }
    }
}

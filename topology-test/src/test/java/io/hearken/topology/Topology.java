package io.hearken.topology;

import io.hearken.embedded.EmbeddedMail;
import io.hearken.embedded.EmbeddedServers;
import io.hearken.embedded.EmbeddedSettings;
import io.hearken.embedded.TcpProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The production topology without Docker: the real servers of {@code embedded} in this JVM (a KRaft broker, an
 * Elasticsearch node as a child process, GreenMail), and each deployable as its own JVM from its runnable jar,
 * configured only by command-line properties as an operator configures it. {@link #services} is the one place
 * that says what each service is given. In front of them, where {@code caddy} is installed, the public entry of
 * docker-compose.yml: {@link CaddyProxy} runs docker/caddy/Caddyfile itself, and the links in mails carry its address.
 */
public final class Topology implements AutoCloseable {

    /** The repository root: surefire runs in the module's folder. */
    public static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    public static final Path DIR = Path.of("target", "topology").toAbsolutePath();
    public static final String PRIVACY_SECRET = "topology-test-privacy-secret-0123456789abcdef";
    public static final String TOKEN_SECRET = "topology-test-staff-token-secret-0123456789abcdef";
    public static final String PASSWORD = "demo";

    /** One staff account per department: username → department (the manager sees all). */
    public static final Map<String, String> STAFF = accounts();

    private final EmbeddedServers servers;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Path hotlineInbox = DIR.resolve("hotline/inbox");
    /** Between every service and Elasticsearch, and between the notifier and SMTP: break one for an outage. */
    private final TcpProxy elasticsearchProxy;
    private final TcpProxy smtpProxy;
    /** Why there is no {@link CaddyProxy} here, or {@code null} when there is one. */
    private final String proxyUnavailable = CaddyProxy.unavailable();
    private CaddyProxy proxy;

    private Topology(EmbeddedServers servers) {
        this.servers = servers;
        try {
            this.elasticsearchProxy = new TcpProxy(servers.elasticsearch().port());
            this.smtpProxy = new TcpProxy(servers.mail().smtpPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A service: the module whose {@code target/<module>.jar} runs, and what it is given beyond the common settings. */
    record Service(String name, String module, Map<String, Object> properties) {
    }

    /** Every per-service setting, in one table: adapt a property name here and every test that uses it follows. */
    List<Service> services() {
        Map<String, Object> web = new LinkedHashMap<>();
        web.put("hearken.web.rate-limit.capacity", 10_000); // every request of this test comes from 127.0.0.1
        web.put("hearken.web.open311.api-keys", "topology-test-key");
        web.put("hearken.web.public-base-url", publicUrl("intake-web"));

        Map<String, Object> email = new LinkedHashMap<>();
        email.put("hearken.email.imap.host", "127.0.0.1");
        email.put("hearken.email.imap.port", servers.mail().imapPort());
        email.put("hearken.email.imap.username", EmbeddedMail.COMPLAINTS_ADDRESS);
        email.put("hearken.email.imap.password", EmbeddedMail.COMPLAINTS_PASSWORD);
        email.put("hearken.email.imap.idle", false); // GreenMail's IDLE notifications can be missed: poll
        email.put("hearken.email.poll-interval", "1s");

        Map<String, Object> hotline = new LinkedHashMap<>();
        hotline.put("hearken.hotline.inbox", hotlineInbox);
        hotline.put("hearken.hotline.scan-interval", "1s");
        hotline.put("hearken.hotline.stable-for", "1s");
        hotline.put("hearken.hotline.api-keys", "topology-test-key");
        hotline.put("hearken.hotline.chunk-size", 5); // a file of a few dozen calls is several chunks: a kill lands mid-file

        // A killed router's partitions move after the session timeout: 10 s instead of Kafka's 45 s.
        Map<String, Object> router = Map.of("spring.kafka.streams.properties.session.timeout.ms", 10000);

        Map<String, Object> desk = new LinkedHashMap<>();
        desk.put("hearken.desk.time-zone", "Asia/Shanghai");

        Map<String, Object> notifier = new LinkedHashMap<>();
        notifier.put("hearken.notifier.link-secret", "topology-test-link-secret-0123456789abcdef");
        notifier.put("hearken.notifier.digest.enabled", false);
        // The sent-mail journal (docs/notifier.md) on the embedded server, as the all-in-one has it.
        notifier.put("hearken.notifier.journal.address", EmbeddedMail.JOURNAL_ADDRESS);
        notifier.put("hearken.notifier.journal.imap-host", "127.0.0.1");
        notifier.put("hearken.notifier.journal.imap-port", servers.mail().imapPort());
        notifier.put("hearken.notifier.journal.username", EmbeddedMail.JOURNAL_ADDRESS);
        notifier.put("hearken.notifier.journal.password", EmbeddedMail.JOURNAL_ADDRESS);
        notifier.put("hearken.notifier.public-url", publicUrl("notifier"));
        notifier.put("spring.mail.port", smtpProxy.port()); // through the proxy: an SMTP outage is a broken proxy

        return List.of(
                new Service("intake-web", "intake-web", web),
                new Service("intake-email", "intake-email", email),
                new Service("intake-hotline", "intake-hotline", hotline),
                new Service("router-1", "router", router),
                new Service("router-2", "router", router),
                new Service("desk", "desk", desk),
                new Service("notifier", "notifier", notifier),
                new Service("analytics", "analytics", Map.of()));
    }

    /** What every service is given: the servers' addresses, the shared secrets; never the prod profile. */
    Map<String, Object> common(String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.application.name", name);
        p.put("hearken.embedded.mode", "off");
        p.put("server.address", "127.0.0.1");
        p.put("spring.kafka.bootstrap-servers", servers.kafka().bootstrapServers());
        p.put("hearken.elasticsearch.uris", "http://127.0.0.1:" + elasticsearchProxy.port());
        p.put("spring.mail.host", "127.0.0.1");
        p.put("spring.mail.port", servers.mail().smtpPort());
        p.put("hearken.privacy.secret", PRIVACY_SECRET);
        p.put("hearken.privacy.master-key", io.hearken.embedded.EmbeddedServers.DEMO_MASTER_KEY);
        p.put("hearken.staff.token-secret", TOKEN_SECRET);
        p.put("hearken.staff.demo-accounts", false);
        p.putAll(staffAccounts());
        p.put("management.endpoint.health.show-details", "always");
        p.put("logging.level.org.apache.kafka", "warn");
        p.put("logging.level.kafka", "warn");
        return p;
    }

    /** Starts the embedded servers, then every service at once, and waits until all are healthy. */
    public static Topology start(Duration healthyWithin) {
        Topology topology = new Topology(EmbeddedServers.shared(new EmbeddedSettings(true, true, true, 0, 0, 0, 0,
                dataDir(), true, null, "256m", 20_000, 20_000, 50_000, false))); // the long fault runs keep every mail
        try {
            deleteRecursively(DIR); // fresh logs and folders on every run
            Files.createDirectories(topology.hotlineInbox);
            for (Service s : topology.services()) {
                Map<String, Object> properties = topology.common(s.name());
                properties.putAll(s.properties());
                topology.services.put(s.name(), new ServiceProcess(s.name(),
                        ROOT.resolve(s.module()).resolve("target").resolve(s.module() + ".jar"), topology.port(s.name()),
                        ServiceProcess.SMALL_JVM, ServiceProcess.arguments(properties), Map.of(), DIR));
            }
            topology.services.values().forEach(ServiceProcess::start);
            if (topology.proxyUnavailable == null) {
                topology.proxy = new CaddyProxy(topology.port("proxy"), topology.upstreams(), DIR).start()
                        .awaitReady(Duration.ofSeconds(60));
            } else {
                System.out.println("No proxy in front of the services: " + topology.proxyUnavailable);
            }
            topology.awaitHealthy(topology.all(), healthyWithin);
        } catch (IOException e) {
            topology.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) { // a service not healthy, or the proxy did not start
            topology.close();
            throw e;
        }
        return topology;
    }

    /** Starts again any service that is not running (a test class before killed it), then waits until all are healthy. */
    void everyServiceRunning(Duration healthyWithin) {
        List<ServiceProcess> stopped = all().stream().filter(s -> !s.isAlive()).toList();
        stopped.forEach(ServiceProcess::start);
        awaitHealthy(all(), healthyWithin);
    }

    /** Waits for every one of {@code services} at once; a failure carries the tail of every service's log. */
    private void awaitHealthy(List<ServiceProcess> services, Duration healthyWithin) {
        // One waiting thread per service (not the common pool, which may be smaller), so each start-up time is its own.
        ExecutorService waiting = Executors.newFixedThreadPool(services.size());
        try {
            List<CompletableFuture<ServiceProcess>> healthy = new ArrayList<>();
            for (ServiceProcess s : services) {
                healthy.add(CompletableFuture.supplyAsync(() -> s.awaitHealthy(healthyWithin), waiting));
            }
            CompletableFuture.allOf(healthy.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw new IllegalStateException(e.getCause().getMessage() + "\nAll services:" + ServiceProcess.tails(all(), 60),
                    e.getCause());
        } finally {
            waiting.shutdownNow();
        }
    }

    /** What the Caddyfile routes to, as compose names it → the port of the process serving it here. */
    Map<String, Integer> upstreams() {
        Map<String, Integer> u = new LinkedHashMap<>();
        for (String s : List.of("intake-web", "intake-hotline", "desk", "notifier", "analytics")) {
            u.put(s, port(s));
        }
        u.put("router", port("router-2")); // ServicesAsProcessesTest kills router-1; no kibana here
        return u;
    }

    /**
     * The public address of a service's links (compose: {@code HEARKEN_PUBLIC_URL}): the proxy's, or without Caddy
     * the service's own (tracking links: intake-web, satisfaction links: the notifier).
     */
    String publicUrl(String service) {
        return proxyUnavailable == null ? baseUrl("proxy") : baseUrl(service);
    }

    /** The HTTP port of a service, chosen (free) the first time it is asked for. */
    int port(String name) {
        return ports.computeIfAbsent(name, n -> FreePorts.next());
    }

    String baseUrl(String name) {
        return "http://127.0.0.1:" + port(name);
    }

    public ServiceProcess service(String name) {
        ServiceProcess s = services.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no service " + name + "; there are " + services.keySet());
        }
        return s;
    }

    public List<ServiceProcess> all() {
        return List.copyOf(services.values());
    }

    public EmbeddedServers servers() {
        return servers;
    }

    public Path hotlineInbox() {
        return hotlineInbox;
    }

    /** The public entry (Caddy), if {@code caddy} is installed here. */
    public Optional<CaddyProxy> proxy() {
        return Optional.ofNullable(proxy);
    }

    /** Why {@link #proxy()} is empty, or {@code null}. */
    public String proxyUnavailable() {
        return proxyUnavailable;
    }

    /** The proxy every service reaches Elasticsearch through. */
    public TcpProxy elasticsearchProxy() {
        return elasticsearchProxy;
    }

    /** The proxy the notifier reaches SMTP through (residents' mail is read from the server itself). */
    public TcpProxy smtpProxy() {
        return smtpProxy;
    }

    /** The tail of every service's log (for a failure message). */
    public String tails(int lines) {
        return ServiceProcess.tails(all(), lines) + (proxy == null ? ""
                : System.lineSeparator() + "===== proxy (caddy) =====" + System.lineSeparator() + proxy.tail(lines));
    }

    /** SIGKILL to every service, the proxy stopped; the embedded servers stop with this JVM. */
    @Override
    public void close() {
        if (proxy != null) {
            proxy.close();
        }
        ServiceProcess.killAll();
        try {
            elasticsearchProxy.close();
            smtpProxy.close();
        } catch (IOException ignored) {
            // the JVM ends soon
        }
    }

    /** The same staff accounts for every deployable with staff endpoints (desk, analytics, notifier, hotline). */
    private static Map<String, Object> staffAccounts() {
        Map<String, Object> p = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, String> a : STAFF.entrySet()) {
            String role = a.getValue().equals("management") ? "MANAGER" : "STAFF";
            p.put("hearken.staff.users[" + i + "].username", a.getKey());
            p.put("hearken.staff.users[" + i + "].password", "{noop}" + PASSWORD);
            p.put("hearken.staff.users[" + i + "].name", a.getKey());
            p.put("hearken.staff.users[" + i + "].departments", a.getValue());
            p.put("hearken.staff.users[" + i + "].role", role);
            p.put("hearken.staff.users[" + i + "].language", "en");
            i++;
        }
        return p;
    }

    private static Map<String, String> accounts() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("li.wei", "maintenance");
        a.put("chen.jing", "cleaning");
        a.put("zhao.lei", "security");
        a.put("qian.hui", "billing");
        a.put("alex.morgan", "customer-service");
        a.put("zhou.min", "triage");
        a.put("liu.yang", "management");
        return java.util.Collections.unmodifiableMap(a);
    }

    /** The staff account of {@code department}. */
    public static String staffOf(String department) {
        return STAFF.entrySet().stream().filter(e -> e.getValue().equals(department)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no account for " + department));
    }

    /** Temporary, and reachable by 'nobody' (Elasticsearch runs as that user when we are root). */
    private static Path dataDir() {
        try {
            Path dir = Files.createTempDirectory("hearken-topology-");
            dir.toFile().setExecutable(true, false);
            dir.toFile().setReadable(true, false);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

}

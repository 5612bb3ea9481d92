package io.hearken.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults against the real processes of {@link Topology} (issue 14, "The suite"): a service killed with SIGKILL in the
 * middle of its work, the broker stopped and started under load, Elasticsearch unreachable, SMTP refusing. After
 * each: every complaint offered exists exactly once in Elasticsearch, on the desk and in {@code complaints.routed};
 * each resident has exactly one acknowledgement (mailbox and the notifier's journal); the complaints inbox is empty,
 * no transcript file is left in the hotline inbox, and nothing new is on a dead-letter topic. Sizes:
 * {@link FaultScale} (short here; {@code bench/fault-runs} for the long runs and their figures).
 */
@Order(2) // after ServicesAsProcessesTest (junit-platform.properties): warm services, router-1 started again
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith({LogTailsOnFailure.class, SharedTopology.class})
class FaultRunsTest {

    private static final FaultScale SCALE = FaultScale.fromSystemProperties();
    private static final List<Census.Figures> FIGURES = new ArrayList<>();
    private static Topology topology;
    private static TopicCount routed;
    private static Census census;
    private static DeadLetters deadLetters;
    private static long started;

    private String run;
    private Load load;
    private Map<TopicPartition, Long> deadLettersBefore;

    @BeforeAll
    static void startTheTopology() {
        started = System.nanoTime();
        topology = SharedTopology.topology();
        routed = new TopicCount(kafka(), "complaints.routed");
        census = new Census(topology, routed);
        deadLetters = new DeadLetters(kafka());
        System.out.println("Fault runs, scale " + SCALE);
    }

    @AfterAll
    static void stopTheTopology() {
        if (routed != null) {
            routed.close();
        }
        FIGURES.forEach(f -> System.out.println(f.line()));
        System.out.println("FaultRunsTest wall time: " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    @BeforeEach
    void newRun() {
        run = "fr" + UUID.randomUUID().toString().substring(0, 6);
        load = new Load(topology, run);
        deadLettersBefore = deadLetters.positions();
    }

    @AfterEach
    void closeLoad() {
        load.close();
    }

    /**
     * Web complaints in flight when the web service is killed: one request every 50 ms whatever the answers, SIGKILL
     * after a third were answered, started again, every unanswered request retried with its Idempotency-Key.
     */
    @Test
    @Order(1)
    void aWebServiceKilledMidLoad() throws Exception {
        int offered = SCALE.complaints();
        ServiceProcess web = topology.service("intake-web");
        Map<Integer, String> answered = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(Math.min(offered, 64));
        long start = System.nanoTime();
        List<Future<?>> sending = new ArrayList<>();
        for (int i = 0; i < offered; i++) {
            int k = i;
            sending.add(clients.submit(() -> {
                Thread.sleep(Math.max(0, 50L * k - (System.nanoTime() - start) / 1_000_000));
                load.web(k).ifPresent(id -> answered.put(k, id));
                return null;
            }));
        }
        await("a third answered").atMost(SCALE.patience()).pollInterval(Duration.ofMillis(20))
                .until(() -> answered.size() >= offered / 3);
        web.kill();
        long killed = System.nanoTime();
        int beforeKill = answered.size();
        for (Future<?> f : sending) {
            try {
                f.get();
            } catch (Exception cutOff) {
                // a request the kill cut off: retried below
            }
        }
        clients.shutdownNow();
        web.start().awaitHealthy(SCALE.patience());
        int unanswered = offered - answered.size();
        ExecutorService retrying = Executors.newFixedThreadPool(16);
        List<CompletableFuture<Offered>> retried = IntStream.range(0, offered).mapToObj(k -> answered.containsKey(k)
                ? CompletableFuture.completedFuture(load.webOffered(k).withId(answered.get(k)))
                : CompletableFuture.supplyAsync(() -> load.webUntilAnswered(k, SCALE.patience()), retrying)).toList();
        List<Offered> all = retried.stream().map(CompletableFuture::join).toList();
        retrying.shutdown();
        assertThat(unanswered).as("requests cut off by the kill").isPositive();
        settle("SIGKILL of intake-web mid-load", all, offered, killed,
                "answered before the kill " + beforeKill + ", retried with their keys " + unanswered);
    }

    /** Mails in the complaints inbox; the email service killed once some had become complaints, then started again. */
    @Test
    @Order(2)
    void anEmailServiceKilledMidMailbox() throws Exception {
        int offered = SCALE.complaints();
        ServiceProcess email = topology.service("intake-email");
        try (TopicCount intake = new TopicCount(kafka(), "intake.email")) {
            int before = total(intake);
            List<Offered> all = IntStream.range(0, offered).mapToObj(load::mail).toList();
            await("some mails became complaints").atMost(SCALE.patience()).pollInterval(Duration.ofMillis(20))
                    .until(() -> total(intake) - before >= Math.max(1, offered / 5));
            email.kill();
            long killed = System.nanoTime();
            int published = total(intake) - before;
            int left = census.complaintsInbox();
            assertThat(left).as("mails still in the inbox at the kill (published " + published + ")").isPositive();
            email.start().awaitHealthy(SCALE.patience());
            settle("SIGKILL of intake-email mid-mailbox", all, offered, killed,
                    "published before the kill " + published + ", in the inbox at the kill " + left);
            census.assertInboxEmpty(SCALE.patience());
        }
    }

    /** One transcript file of many calls; the hotline service killed part-way through it, then started again. */
    @Test
    @Order(3)
    void aHotlineServiceKilledMidTranscriptFile() throws Exception {
        int offered = SCALE.complaints();
        ServiceProcess hotline = topology.service("intake-hotline");
        try (TopicCount intake = new TopicCount(kafka(), "intake.hotline")) {
            int before = total(intake);
            List<Offered> all = load.transcript(0, IntStream.range(0, offered).boxed().toList());
            await("some calls of the file published").atMost(SCALE.patience()).pollInterval(Duration.ofMillis(20))
                    .until(() -> total(intake) - before >= Math.max(1, offered / 5));
            hotline.kill();
            long killed = System.nanoTime();
            int published = total(intake) - before;
            assertThat(published).as("calls published before the kill: part of the file").isLessThan(offered);
            hotline.start().awaitHealthy(SCALE.patience());
            settle("SIGKILL of intake-hotline mid-file", all, offered, killed, "calls published before the kill " + published);
            census.assertNoTranscriptStuck(run, 1, SCALE.patience());
        }
    }

    /** Every service loses Elasticsearch (its proxy broken) for the outage, under a steady mixed load. */
    @Test
    @Order(4)
    void elasticsearchUnreachableUnderLoad() throws Exception {
        outage("Elasticsearch unreachable " + SCALE.outage().toSeconds() + " s", Load.MIXED,
                () -> topology.elasticsearchProxy().down(), () -> topology.elasticsearchProxy().up());
    }

    /** SMTP refuses the notifier (its proxy broken) for the outage, under a steady web and mail load. */
    @Test
    @Order(5)
    void smtpRefusingUnderLoad() throws Exception {
        outage("SMTP refusing " + SCALE.outage().toSeconds() + " s", List.of("WEB", "EMAIL"),
                () -> topology.smtpProxy().down(), () -> topology.smtpProxy().up());
    }

    /** The broker stopped and started again on the same port and log under a steady mixed load. */
    @Test
    @Order(6)
    void brokerStoppedAndRestartedUnderLoad() throws Exception {
        var kafka = topology.servers().kafka();
        outage("Kafka broker stopped " + SCALE.outage().toSeconds() + " s", Load.MIXED, kafka::stop, () -> {
            try {
                kafka.restart();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private interface Fault {
        void run() throws Exception;
    }

    /** A steady load over the span; the fault in its middle third; then everything must settle exactly once. */
    private void outage(String fault, List<String> channels, Fault breakIt, Fault mendIt) throws Exception {
        int offered = SCALE.complaints();
        CompletableFuture<List<Offered>> offering = load.steady(offered, SCALE.span(), channels, SCALE.patience());
        Thread.sleep(SCALE.span().dividedBy(3).toMillis());
        breakIt.run();
        Thread.sleep(SCALE.outage().toMillis());
        mendIt.run();
        long mended = System.nanoTime();
        List<Offered> all = offering.join();
        settle(fault, all, offered, mended, "web requests retried " + load.webRetries.get()
                + (channels.contains("HOTLINE") ? ", one transcript file per call" : ""));
        if (channels.contains("EMAIL")) {
            census.assertInboxEmpty(SCALE.patience());
        }
        if (channels.contains("HOTLINE")) {
            census.assertNoTranscriptStuck(run, (int) all.stream().filter(o -> o.channel().equals("HOTLINE")).count(),
                    SCALE.patience());
        }
    }

    /** Waits until all is indexed and mailed, reports the figures, then holds the run to every promise. */
    private void settle(String fault, List<Offered> all, int offered, long fromNanos, String notes) {
        long recovered = census.awaitIndexed(all, fromNanos, SCALE.patience());
        long mailed = census.awaitMailed(all, fromNanos, SCALE.patience());
        Census.Figures figures = census.figures(fault, all, all.size(), recovered,
                notes + (all.stream().allMatch(o -> o.resident() == null) ? ""
                        : mailed >= 0 ? ", all acknowledged " + mailed + " ms after" : ", not all acknowledged"));
        FIGURES.add(figures);
        assertThat(all).hasSize(offered);
        census.assertExactlyOnce(all, figures, SCALE.patience());
        assertThat(deadLetters.since(deadLettersBefore)).as("new dead letters").isEmpty();
    }

    private static int total(TopicCount topic) {
        return topic.readToEnd().values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String kafka() {
        return topology.servers().kafka().bootstrapServers();
    }
}

package io.hearken.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import io.hearken.embedded.EmbeddedMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Counts, from outside, what became of the complaints a fault run offered: documents in Elasticsearch, committed
 * {@code ComplaintRouted} records, desk queue entries, acknowledgement mails in each resident's mailbox and in the
 * notifier's journal, mails left in the complaints inbox, files left in the hotline inbox.
 */
final class Census {

    private final Topology topology;
    private final TopicCount routed;

    Census(Topology topology, TopicCount routed) {
        this.topology = topology;
        this.routed = routed;
    }

    /** What one run reports (docs/RELIABILITY.md): lost = no document, doubled = documents beyond the first. */
    record Figures(String fault, int offered, int accepted, int lost, int doubled, int mailsTwice, int acksMissing,
            long recoverMillis, String notes) {

        String line() {
            return "FAULT-RUN | %s | offered %d | accepted %d | lost %d | doubled %d | mails sent twice %d | acks missing %d | recovered in %d ms | %s"
                    .formatted(fault, offered, accepted, lost, doubled, mailsTwice, acksMissing, recoverMillis, notes);
        }
    }

    /** The complaints documents whose text holds each marker (every document is looked at: none is missed). */
    Map<String, List<JsonNode>> documents(List<Offered> offered) {
        Map<String, List<JsonNode>> found = new HashMap<>();
        offered.forEach(o -> found.put(o.marker(), new ArrayList<>()));
        Probe.Answer a = Probe.postJson(topology.servers().elasticsearch().uri() + "/complaints/_search",
                Map.of("size", 10_000, "query", Map.of("match_all", Map.of()), "track_total_hits", true));
        if (a.status() == 404) {
            return found;
        }
        assertThat(a.status()).as("Elasticsearch search: " + a.body()).isEqualTo(200);
        assertThat(a.body().path("hits").path("total").path("value").asLong()).as("all documents in one page").isLessThan(10_000);
        String run = offered.isEmpty() ? "" : offered.get(0).marker().substring(0, offered.get(0).marker().lastIndexOf('-'));
        for (JsonNode hit : a.body().path("hits").path("hits")) {
            String text = hit.path("_source").toString();
            if (!text.contains(run)) {
                continue;
            }
            for (Offered o : offered) {
                if (text.contains(o.marker())) {
                    found.get(o.marker()).add(hit.path("_source"));
                }
            }
        }
        return found;
    }

    /** Waits until every offered complaint is indexed with its department; returns the time since {@code fromNanos}. */
    long awaitIndexed(List<Offered> offered, long fromNanos, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (documents(offered).values().stream().allMatch(d -> !d.isEmpty()
                    && d.stream().allMatch(doc -> !doc.path("department").asString("").isBlank()))) {
                return (System.nanoTime() - fromNanos) / 1_000_000;
            }
            pause(Duration.ofSeconds(1));
        }
        return -1;
    }

    /**
     * Waits until each resident has at least one mail (the count itself comes after); returns the time since
     * {@code fromNanos}, or -1 if {@code patience} ran out first; 0 when no one is to be mailed.
     */
    long awaitMailed(List<Offered> offered, long fromNanos, Duration patience) {
        if (residents(offered).findAny().isEmpty()) {
            return 0;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (residents(offered).allMatch(r -> mailsTo(r) > 0)) {
                return (System.nanoTime() - fromNanos) / 1_000_000;
            }
            pause(Duration.ofSeconds(1));
        }
        return -1;
    }

    /** The figures of a run, once it has settled (see {@link #awaitIndexed}). */
    Figures figures(String fault, List<Offered> offered, int accepted, long recoverMillis, String notes) {
        Map<String, List<JsonNode>> docs = documents(offered);
        int lost = (int) docs.values().stream().filter(List::isEmpty).count();
        int doubled = docs.values().stream().mapToInt(d -> Math.max(0, d.size() - 1)).sum();
        int twice = residents(offered).mapToInt(r -> Math.max(0, mailsTo(r) - 1)).sum();
        int missing = (int) residents(offered).filter(r -> mailsTo(r) == 0).count();
        Figures f = new Figures(fault, offered.size(), accepted, lost, doubled, twice, missing, recoverMillis, notes);
        System.out.println(f.line());
        try { // at once, not when surefire hands the test's output over: a long run stopped half-way still has its figures
            java.nio.file.Files.writeString(Topology.DIR.resolve("fault-runs.txt"), f.line() + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            System.out.println("could not write " + Topology.DIR.resolve("fault-runs.txt") + ": " + e);
        }
        return f;
    }

    /**
     * Everything the promise says, beyond the figures: each complaint routed once (committed), on its department's
     * desk once, each resident's acknowledgement sent once (the journal), web answers naming the indexed complaint.
     */
    void assertExactlyOnce(List<Offered> offered, Figures figures, Duration patience) {
        assertThat(figures.lost()).as("lost: " + figures.line()).isZero();
        assertThat(figures.doubled()).as("doubled: " + figures.line()).isZero();
        assertThat(figures.mailsTwice()).as("acknowledgements sent twice: " + figures.line()).isZero();
        assertThat(figures.acksMissing()).as("residents without an acknowledgement: " + figures.line()).isZero();
        Map<String, List<JsonNode>> docs = documents(offered);
        Map<String, String> departments = new HashMap<>();
        for (Offered o : offered) {
            JsonNode doc = docs.get(o.marker()).get(0);
            assertThat(doc.path("channel").asString()).as(o.marker()).isEqualTo(o.channel());
            if (o.id() != null) {
                assertThat(doc.path("id").asString()).as("the id the web service answered " + o.marker()).isEqualTo(o.id());
            }
            departments.put(doc.path("id").asString(), doc.path("department").asString());
        }
        await("each routed once (committed)").atMost(patience).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Integer> routedCounts = routed.readToEnd();
            assertThat(departments.keySet()).allSatisfy(id ->
                    assertThat(routedCounts.getOrDefault(id, 0)).as("ComplaintRouted of " + id).isEqualTo(1));
        });
        await("each on its department's desk once").atMost(patience).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, List<String>> desk = deskQueue();
            assertThat(departments).allSatisfy((id, department) ->
                    assertThat(desk.getOrDefault(id, List.of())).as("desk queue entries of " + id).containsExactly(department));
        });
        Map<String, Integer> journal = journal();
        assertThat(residents(offered).toList()).allSatisfy(r ->
                assertThat(journal.getOrDefault(r, 0)).as("journal copies of the mails to " + r).isEqualTo(1));
    }

    /** The complaints inbox holds no mail: every one was taken (moved to Processed). */
    void assertInboxEmpty(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (complaintsInbox() > 0 && System.nanoTime() < deadline) {
            pause(Duration.ofSeconds(1));
        }
        assertThat(complaintsInbox()).as("mails left in the complaints inbox").isZero();
    }

    /** No transcript file stuck in the hotline inbox; every one of the run in processed/. */
    void assertNoTranscriptStuck(String run, int files, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (inboxFiles().size() > 0 && System.nanoTime() < deadline) {
            pause(Duration.ofSeconds(1));
        }
        assertThat(inboxFiles()).as("files left in the hotline inbox").isEmpty();
        try (Stream<java.nio.file.Path> done = Files.list(topology.hotlineInbox().resolveSibling("processed"))) {
            assertThat(done.filter(p -> p.getFileName().toString().startsWith(run + "-f"))).as("files of " + run + " in processed/")
                    .hasSize(files);
        }
    }

    int complaintsInbox() {
        return inbox(EmbeddedMail.COMPLAINTS_ADDRESS).getMessageCount();
    }

    /** The INBOX of the mail server's account {@code address}, or {@code null} if no mail ever reached it. */
    private MailFolder inbox(String address) {
        var greenMail = topology.servers().mail().greenMail();
        var user = greenMail.getUserManager().getUserByEmail(address);
        try {
            return user == null ? null : greenMail.getManagers().getImapHostManager().getInbox(user);
        } catch (FolderException e) {
            throw new IllegalStateException("the inbox of " + address + ": " + e, e);
        }
    }

    private List<String> inboxFiles() throws Exception {
        try (Stream<java.nio.file.Path> files = Files.list(topology.hotlineInbox())) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** How many mails are in {@code address}'s own mailbox. */
    int mailsTo(String address) {
        MailFolder inbox = inbox(address);
        return inbox == null ? 0 : inbox.getMessageCount();
    }

    /**
     * The folder's messages now. GreenMail's list is live and not synchronised, and a notifier may still be appending to
     * it: walked again when it changed under the walk (a {@link ConcurrentModificationException}).
     */
    static List<StoredMessage> messages(MailFolder folder) {
        for (int attempt = 1; ; attempt++) {
            List<StoredMessage> copy = new ArrayList<>();
            try {
                for (StoredMessage m : folder.getMessages()) {
                    copy.add(m);
                }
                return copy;
            } catch (ConcurrentModificationException changed) {
                if (attempt == 50) {
                    throw changed;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw changed;
                }
            }
        }
    }

    /** The notifier's sent-mail journal: how many mails it sent to each address (the journal copy keeps the To). */
    private Map<String, Integer> journal() {
        Map<String, Integer> sent = new HashMap<>();
        try {
            for (var stored : messages(inbox(EmbeddedMail.JOURNAL_ADDRESS))) {
                Address[] to = stored.getMimeMessage().getRecipients(Message.RecipientType.TO);
                for (Address a : to == null ? new Address[0] : to) {
                    sent.merge(((InternetAddress) a).getAddress().toLowerCase(), 1, Integer::sum);
                }
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException("reading the journal: " + e, e);
        }
        return sent;
    }

    /** Complaint id → the departments of its entries in the manager's queue (who sees every department). */
    private Map<String, List<String>> deskQueue() {
        Map<String, List<String>> out = new HashMap<>();
        Probe.deskQueueItems(topology.service("desk").baseUrl(), Topology.staffOf("management")).forEach(i -> out
                .computeIfAbsent(i.path("id").asString(), k -> new ArrayList<>()).add(i.path("department").asString()));
        return out;
    }

    private static Stream<String> residents(List<Offered> offered) {
        return offered.stream().map(Offered::resident).filter(java.util.Objects::nonNull);
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

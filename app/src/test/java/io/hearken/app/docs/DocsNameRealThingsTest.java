package io.hearken.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The docs name only real things: every class, property key, environment variable, link and repository path that
 * README.md and docs/**.md write in backticks or link to exists in the code (issue #19: a newcomer follows a
 * complaint by names alone). Pure file reading, no Spring: it runs in seconds. docs/bench/ is left out: each file
 * there is the record of one dated run and names what existed then.
 */
class DocsNameRealThingsTest {

    /** Names the docs write on purpose although the house has no such thing, and why. Keep it short. */
    static final Map<String, String> HISTORIC = Map.of(
            "hearken.desk.users", "desk.md tells operators what the staff-access keys were called before",
            "hearken.desk.login", "the same rename note",
            "hearken.desk.oidc.*", "the same rename note",
            "bench/IntakeToIndexBench.java", "BENCHMARKS.md: the closed-loop script whose figures were withdrawn",
            "JarUrlConnection.connect", "BENCHMARKS.md: Spring Boot's jar loader, in hearken.jar, not on a test classpath");

    static TheHouse house;

    @BeforeAll
    static void readTheHouse() throws IOException {
        house = TheHouse.around(Path.of(""));
    }

    @Test
    void everyNameInTheDocsIsReal() throws IOException {
        List<DocCheck.Finding> findings = new ArrayList<>();
        DocCheck check = new DocCheck(house, HISTORIC.keySet());
        for (Path doc : docs()) {
            findings.addAll(check.check(doc));
        }
        assertThat(findings).as("names in the docs that the code does not have (file:line)").isEmpty();
    }

    @Test
    void theDocsAreFound() throws IOException {
        assertThat(docs().stream().map(d -> house.root.relativize(d).toString()))
                .contains("README.md", "docs/architecture.md", "docs/channels/email.md")
                .noneMatch(d -> d.startsWith("docs/bench/"));
    }

    @Test
    void madeUpNamesAreReported() {
        Path doc = house.root.resolve("docs/made-up.md");
        List<String> lines = List.of(
                "The `MadeUpRouter` calls `RoutingNewComplaint.noSuchMethod` and `ComplaintEvent.NoSuchType`;",
                "it reads `hearken.router.no-such-key`, `hearken.nowhere.*` and `hearken.elasticsearch.uris|nope`.",
                "See [nowhere](nowhere.md), [a heading](events.md#no-such-heading) and `router/src/main/java/NoSuch.java`,",
                "then run `./mvnw -pl no-module -am test -Dtest=NoSuchTest` with `HEARKEN_NO_SUCH_THING=1`.",
                "Real: `RoutingNewComplaint`, `ComplaintEvent.Visitor`, `Topics.INTAKE_PATTERN`, `KafkaTemplate`,",
                "`hearken.router.model`, `hearken.web.rate-limit.capacity`, `hearken.staff.users[0].password`,",
                "`hearken.notifier.supervisors.maintenance=a@b.example`, `hearken.desk.replies.<department>[n].title`,",
                "`hearken.embedded.kafka.port`, `hearken.notifier.digest.enabled=false`, `hearken.hotline.calls{outcome}`,",
                "`hearken.elasticsearch.uris|username`, `hearken.notifier.sms.*`, `hearken.local`,",
                "[events](events.md#topics), [README](../README.md), `docs/events.md`, `bench/run`, `./data`,",
                "`HEARKEN_PUBLIC_URL`, `HEARKEN_DESK_ATTACHMENTS_STAFFDIR=/x`, `HEARKEN_EMAIL_IMAP_*`, `HEARKEN_UPSTREAM_<SERVICE>`,",
                "`complaints.routed`, `complaints.routed-dlt`, `intake.email.seen`, `privacy.md`; not `complaints.rooted`.",
                "`GET /dashboard`, `POST /desk/complaints/{id}/acknowledge`, `GET /track?id=…`, `POST /login`; not `GET /nowhere`.",
                "`/api/v1/privacy`, `/desk/…`, `/dashboard/assets/dashboard.js`, `/track`, `/data/attachments`; not `/desk/nowhere`.",
                "| `hearken.email.max-backoff` | `1m` | a default written another way |",
                "`io.hearken.events.kafka.TopicCatalogue`, `io.hearken.readmodel`; not `io.hearken.nowhere`, `io.hearken.router.Nothing`.",
                "| `hearken.email.poll-interval` | `5m` | a wrong default |",
                "`./mvnw -pl router -am test -Dtest=UrgencyReadingTest -Dsurefire.failIfNoSpecifiedTests=false`, a listing:",
                "```",
                "`NotAClassInAListing` is a listing, not a name",
                "./mvnw -pl router,nor-this -am test",
                "```");

        List<String> reported = new DocCheck(house, HISTORIC.keySet()).check(doc, lines).stream()
                .map(DocCheck.Finding::toString).toList();

        assertThat(reported).containsExactlyInAnyOrder(
                "docs/made-up.md:1: no class `MadeUpRouter`",
                "docs/made-up.md:1: no member noSuchMethod in `RoutingNewComplaint.noSuchMethod`",
                "docs/made-up.md:1: no member NoSuchType in `ComplaintEvent.NoSuchType`",
                "docs/made-up.md:2: no property `hearken.router.no-such-key`",
                "docs/made-up.md:2: no property `hearken.nowhere.*`",
                "docs/made-up.md:2: no property `hearken.elasticsearch.uris|nope`",
                "docs/made-up.md:3: no file for link `nowhere.md`",
                "docs/made-up.md:3: no heading for link `events.md#no-such-heading`",
                "docs/made-up.md:3: no file `router/src/main/java/NoSuch.java`",
                "docs/made-up.md:4: no module `no-module`",
                "docs/made-up.md:4: no test class `NoSuchTest`",
                "docs/made-up.md:4: needs -Dsurefire.failIfNoSpecifiedTests=false: `./mvnw -pl no-module -am test -Dtest=NoSuchTest`",
                "docs/made-up.md:4: no environment variable `HEARKEN_NO_SUCH_THING=1`",
                "docs/made-up.md:12: no topic `complaints.rooted`",
                "docs/made-up.md:13: no endpoint `GET /nowhere`",
                "docs/made-up.md:14: no endpoint `/desk/nowhere`",
                "docs/made-up.md:16: no package or type `io.hearken.nowhere`",
                "docs/made-up.md:16: no package or type `io.hearken.router.Nothing`",
                "docs/made-up.md:17: default is `60s` in the code, not `5m`",
                "docs/made-up.md:21: no module `nor-this`");
    }

    @Test
    void aHistoricNameIsLetThroughOnlyWhenListed() {
        Path doc = house.root.resolve("docs/made-up.md");
        List<String> lines = List.of("Before staff-access this was `hearken.desk.users`.");

        assertThat(new DocCheck(house, HISTORIC.keySet()).check(doc, lines)).isEmpty();
        assertThat(new DocCheck(house, java.util.Set.of()).check(doc, lines)).hasSize(1);
    }

    static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(house.root.resolve("README.md")));
        try (Stream<Path> walk = Files.walk(house.root.resolve("docs"))) {
            walk.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !house.root.relativize(p).startsWith("docs/bench"))
                    .sorted().forEach(docs::add);
        }
        return docs;
    }
}

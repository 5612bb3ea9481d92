package io.hearken.intake.hotline.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.privacy.PersonalData;
import io.hearken.events.privacy.ResidentErased;
import io.hearken.embedded.EmbeddedServers;
import io.hearken.intake.hotline.HotlineIntegrationTest;
import io.hearken.intake.hotline.call.Call;
import io.hearken.intake.hotline.parsing.Problem;
import io.hearken.intake.hotline.parsing.TranscriptFormat;
import io.hearken.intake.hotline.parsing.Transcripts;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An erasure on the real {@code privacy.erasures} topic reaches the transcript archive: files of the three formats,
 * each with two residents' calls, go through the real inbox; erasing one resident leaves the other's calls in
 * every file and the erased one's number and words in none (the transcripts, and the error file of a rejected one);
 * a file left with no call goes, with its error file.
 */
class TranscriptArchiveErasureTest extends HotlineIntegrationTest {

    @Autowired
    PersonalData personalData;
    @Autowired
    Transcripts transcripts;
    @Autowired
    MeterRegistry meters;

    @Test
    void erasingOneResidentTakesTheirCallsOutOfEveryArchivedFileAndKeepsTheOthers() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random();
        String erased = "136" + (10_000_000 + random.nextInt(89_999_999));
        String[] others = {"137" + (10_000_000 + random.nextInt(89_999_999)), "135" + (10_000_000 + random.nextInt(89_999_999)),
                "133" + (10_000_000 + random.nextInt(89_999_999))};
        String theirWords = "阳台玻璃被砸碎了" + tag;
        String otherWords = "楼道的灯不亮了" + tag;
        String id = "ER-" + tag + "-";
        dropBytes("erase-" + tag + ".csv", ("call_id,start_time,duration_s,caller_number,summary,transcript\n"
                + id + "A1,2026-11-23 09:15:02,120," + erased + "," + theirWords + ",\"来电人：" + theirWords + "\n坐席：好的\"\n"
                + id + "B1,2026-11-23 09:20:00,60," + others[0] + "," + otherWords + ",来电人：" + otherWords + "\n")
                .getBytes(StandardCharsets.UTF_8));
        dropBytes("erase-" + tag + ".json", ("[\n  {\"call_id\": \"" + id + "B2\", \"caller_number\": \"" + others[1]
                + "\", \"summary\": \"" + otherWords + "\"},\n  {\"call_id\": \"" + id + "A2\", \"caller_number\": \"+86 "
                + erased.substring(0, 3) + "-" + erased.substring(3, 7) + "-" + erased.substring(7) + "\", \"summary\": \""
                + theirWords + "\"}\n]\n").getBytes(StandardCharsets.UTF_8));
        // The erased resident's third call names no number: it is found by the complaint its call id went to.
        dropBytes("erase-" + tag + ".txt", ("call_id: " + id + "A3\nsummary: " + theirWords + "\n\n来电人：" + theirWords
                + "\n---\ncall_id: " + id + "B3\ncaller_number: " + others[2] + "\n\n来电人：" + otherWords + "\n")
                .getBytes(Charset.forName("GB18030")));
        // Rejected: the resident's row is bad (their number where the time belongs), the other's row was taken.
        dropBytes("erase-bad-" + tag + ".csv", ("call_id,start_time,caller_number,summary\n"
                + id + "A4," + erased + ",," + theirWords + "\n"
                + id + "B4,2026-11-23 10:00:00," + others[0] + "," + otherWords + "\n").getBytes(StandardCharsets.UTF_8));
        // Rejected with no call taken: only the resident's row. Nothing is left of it, so it goes with its error file.
        dropBytes("erase-only-" + tag + ".csv", ("call_id,start_time,caller_number,summary\n"
                + id + "A5,2026-11-23 10:00:00,+" + erased + "?," + theirWords + "\n").getBytes(StandardCharsets.UTF_8));
        for (String name : List.of(".csv", ".json", ".txt")) {
            awaitFile(processed(), "erase-" + tag + name);
        }
        awaitFile(rejected(), "erase-bad-" + tag + ".csv.error.txt");
        awaitFile(rejected(), "erase-bad-" + tag + ".csv");
        awaitFile(rejected(), "erase-only-" + tag + ".csv.error.txt");
        awaitFile(rejected(), "erase-only-" + tag + ".csv");
        assertThat(archive()).anyMatch(text -> text.contains(erased)).anyMatch(text -> text.contains(theirWords));
        List<ComplaintId> theirComplaints = await().atMost(Duration.ofSeconds(60)).until(() -> hotlineEvents(id + "A"),
                events -> events.size() >= 3).stream().map(ConsumerRecord::value).map(ComplaintEvent::complaintId)
                .distinct().toList();
        // A poison file rejected earlier (unbounded turns, a 2,000,000-character turn) that also holds one of the
        // resident's calls: the erasure reads it in one pass and takes that call out, not minutes per erasure.
        Path poison = rejected().resolve("poison-" + tag + ".json");
        Files.write(poison, poison(id + "A6", erased, theirWords).getBytes(StandardCharsets.UTF_8));
        double before = erasedCount();

        publish(new ResidentErased(UUID.randomUUID().toString(), Instant.now(), "manager", "request",
                List.of(personalData.hash(erased)), theirComplaints));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(archive())
                .noneMatch(text -> text.contains(erased)).noneMatch(text -> text.contains(theirWords))
                .noneMatch(text -> text.contains(id + "A3")));
        assertThat(callsIn(processed().resolve("erase-" + tag + ".csv"), TranscriptFormat.CSV)).containsExactly(id + "B1");
        assertThat(callsIn(processed().resolve("erase-" + tag + ".json"), TranscriptFormat.JSON)).containsExactly(id + "B2");
        assertThat(callsIn(processed().resolve("erase-" + tag + ".txt"), TranscriptFormat.TEXT)).containsExactly(id + "B3");
        assertThat(callsIn(rejected().resolve("erase-bad-" + tag + ".csv"), TranscriptFormat.CSV)).containsExactly(id + "B4");
        assertThat(Files.readString(processed().resolve("erase-" + tag + ".txt"), Charset.forName("GB18030")))
                .as("written back in its own encoding").contains(otherWords);
        assertThat(rejected().resolve("erase-only-" + tag + ".csv")).doesNotExist();
        assertThat(rejected().resolve("erase-only-" + tag + ".csv.error.txt")).doesNotExist();
        var poisonLeft = transcripts.parse(Files.readAllBytes(poison), TranscriptFormat.JSON);
        assertThat(poisonLeft.calls()).isEmpty();
        assertThat(poisonLeft.problems()).as("the poison calls stay, over the limits as before")
                .extracting(Problem::callId).containsExactly("POISON-TURNS", "POISON-TEXT");
        assertThat(erasedCount() - before).isEqualTo(6);
    }

    /** HotlinePoisonTest's file, with one call of the erased resident between the poison ones. */
    private static String poison(String callId, String number, String words) {
        StringBuilder json = new StringBuilder("[\n{\"call_id\": \"POISON-TURNS\", \"summary\": \"超长通话\", \"turns\": [");
        for (int i = 0; i < 200_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"speaker\": \"caller\", \"text\": \"楼上漏水了\"}");
        }
        json.append("]},\n{\"call_id\": \"").append(callId).append("\", \"caller_number\": \"").append(number)
                .append("\", \"summary\": \"").append(words).append("\"},\n");
        json.append("{\"call_id\": \"POISON-TEXT\", \"summary\": \"超长转写\", \"turns\": [{\"speaker\": \"caller\", \"text\": \"")
                .append("水".repeat(2_000_000)).append("\"}]}\n]");
        return json.toString();
    }

    private List<String> callsIn(Path file, TranscriptFormat format) throws Exception {
        var parsed = transcripts.parse(Files.readAllBytes(file), format);
        assertThat(parsed.problems()).isEmpty();
        return parsed.calls().stream().map(Call::callId).toList();
    }

    /** The text of every file in the archive, read as UTF-8 and as GB18030. */
    private static List<String> archive() throws Exception {
        try (Stream<Path> files = Stream.concat(Files.list(processed()), Files.list(rejected()))) {
            return files.filter(Files::isRegularFile).flatMap(f -> {
                try {
                    byte[] bytes = Files.readAllBytes(f);
                    return Stream.of(new String(bytes, StandardCharsets.UTF_8), new String(bytes, Charset.forName("GB18030")));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    private double erasedCount() {
        var counter = meters.find("hearken.privacy.erased.items").tag("channel", "hotline").counter();
        return counter == null ? 0 : counter.count();
    }

    private static void publish(ResidentErased erasure) throws Exception {
        String bootstrap = EmbeddedServers.current().kafka().bootstrapServers();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(io.hearken.events.privacy.ErasureFeed.record(erasure)).get();
        }
    }
}

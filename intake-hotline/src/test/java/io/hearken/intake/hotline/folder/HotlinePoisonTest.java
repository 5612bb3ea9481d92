package io.hearken.intake.hotline.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.intake.hotline.HotlineIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Poison transcripts: a call that could never be published (unbounded turns, a huge text, an event larger
 * than Kafka takes) is quarantined with its reason, the other calls of the file go through, and the file ends
 * in {@code rejected/} instead of being tried again forever. A file that fails in a way nobody foresaw is
 * tried a few times, then quarantined ({@link FileThatFailsEveryTimeTest}).
 */
class HotlinePoisonTest extends HotlineIntegrationTest {

    @Autowired
    InboxWatcher watcher;

    @Test
    void aCallWithUnboundedTurnsOrAHugeTurnIsQuarantinedAndTheRestOfTheFileGoesOn() throws Exception {
        StringBuilder json = new StringBuilder("[\n");
        json.append("{\"call_id\": \"POISON-OK-1\", \"summary\": \"3号楼门禁坏了\"},\n");
        json.append("{\"call_id\": \"POISON-TURNS\", \"summary\": \"超长通话\", \"turns\": [");
        for (int i = 0; i < 200_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"speaker\": \"caller\", \"text\": \"楼上漏水了\"}");
        }
        json.append("]},\n");
        json.append("{\"call_id\": \"POISON-TEXT\", \"summary\": \"超长转写\", \"turns\": [{\"speaker\": \"caller\", \"text\": \"")
                .append("水".repeat(2_000_000)).append("\"}]},\n");
        json.append("{\"call_id\": \"POISON-OK-2\", \"summary\": \"5号楼路灯不亮\"}\n]");
        dropBytes("poison-turns.json", json.toString().getBytes(StandardCharsets.UTF_8));

        awaitFile(rejected(), "poison-turns.json");
        String error = Files.readString(awaitFile(rejected(), "poison-turns.json.error.txt"));
        assertThat(error).contains("(call POISON-TURNS)", "turns").contains("(call POISON-TEXT)");
        assertThat(hotlineEvents("POISON-")).extracting(r -> sourceRef(r.value()))
                .containsExactlyInAnyOrder("POISON-OK-1", "POISON-OK-2");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(watcher.recentReports()).anySatisfy(r -> {
            assertThat(r.file()).isEqualTo("poison-turns.json");
            assertThat(r.result()).isEqualTo(FileReport.Result.REJECTED);
            assertThat(r.complaints()).isEqualTo(2);
            assertThat(r.rejected()).isEqualTo(2);
        }));
    }

    @Test
    void aCallWhoseEventWouldExceedKafkasRecordLimitIsQuarantinedAndTheOtherCallsGoThrough() throws Exception {
        // 190,000 characters pass the text limit, but each control character is six bytes in the event's JSON
        // (\\u0001): over a megabyte, more than max.request.size lets the producer send.
        String junk = "\\u0001".repeat(190_000);
        String json = "[{\"call_id\": \"OVERSIZE-OK-1\", \"summary\": \"地下车库灯坏了\"},\n"
                + "{\"call_id\": \"OVERSIZE-1\", \"transcript\": \"" + junk + "\"},\n"
                + "{\"call_id\": \"OVERSIZE-OK-2\", \"summary\": \"电梯异响\"}]";
        dropBytes("oversize.json", json.getBytes(StandardCharsets.UTF_8));

        awaitFile(rejected(), "oversize.json");
        List<String> error = Files.readAllLines(awaitFile(rejected(), "oversize.json.error.txt"));
        assertThat(error).anySatisfy(l -> assertThat(l).startsWith("line 2 (call OVERSIZE-1)").contains("Kafka"));
        assertThat(hotlineEvents("OVERSIZE-")).extracting(r -> sourceRef(r.value()))
                .containsExactlyInAnyOrder("OVERSIZE-OK-1", "OVERSIZE-OK-2");
    }
}

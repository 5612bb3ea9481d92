package io.hearken.intake.hotline.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.readmodel.ComplaintLookup;
import io.hearken.events.Actor;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.Urgency;
import io.hearken.intake.hotline.HotlineIntegrationTest;
import io.hearken.intake.hotline.parsing.Parsed;
import io.hearken.intake.hotline.parsing.TranscriptFormat;
import io.hearken.intake.hotline.parsing.Transcripts;
import io.hearken.intake.hotline.publishing.ProcessedCalls;
import io.hearken.intake.hotline.publishing.PublishingCalls;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaTemplate;

/** The watched inbox end to end: files in, events on the real intake.hotline topic, files in their final folder. */
class HotlineFolderTest extends HotlineIntegrationTest {

    @Autowired
    InboxWatcher watcher;
    @Autowired
    PublishingCalls publishing;
    @Autowired
    ProcessedCalls processedCalls;
    @Autowired
    Transcripts transcripts;
    @Autowired
    ComplaintLookup lookup;
    @Autowired
    KafkaTemplate<String, ComplaintEvent> kafka;
    @Autowired
    InboxHealthIndicator health;

    @Test
    void healthShowsTheInboxUp() {
        var status = health.health(true);
        assertThat(status.getStatus().getCode()).isEqualTo("UP");
        assertThat(status.getDetails()).containsEntry("inbox", inbox().toAbsolutePath().normalize().toString())
                .containsKey("filesWaiting").containsKey("processedCallIds");
    }

    @Test
    void aGbkCsvExportBecomesOneComplaintPerCallAndMovesToProcessed() throws Exception {
        drop("calls-gbk.csv");

        awaitFile(processed(), "calls-gbk.csv");
        assertThat(inbox().resolve("calls-gbk.csv")).doesNotExist();
        List<ConsumerRecord<String, ComplaintEvent>> events = hotlineEvents("GBK-20261123-");
        assertThat(events).hasSize(3);
        ComplaintReceived lift = received(events, "GBK-20261123-0001");
        assertThat(lift.channel()).isEqualTo(Channel.HOTLINE);
        assertThat(lift.via()).isEqualTo("folder");
        assertThat(lift.contact().phone()).isEqualTo("13800001001");
        assertThat(lift.description()).startsWith("3号楼2单元的电梯又坏了，我们被困在里面十分钟了！\n好的，请快一点，里面还有老人。")
                .endsWith("【坐席摘要】3号楼2单元电梯困人约十分钟，已联系维保");
        assertThat(lift.categoryHint()).isEqualTo("电梯");
        assertThat(lift.place().building()).isEqualTo("3号楼");
        assertThat(lift.details()).containsEntry("agentId", "A017").containsEntry("durationSeconds", "184");
        assertThat(lift.eventId()).isEqualTo(Events.idFrom("hotline", "GBK-20261123-0001"));
        ConsumerRecord<String, ComplaintEvent> record = events.get(0);
        assertThat(record.key()).isEqualTo(record.value().complaintId().value());
        assertThat(received(events, "GBK-20261123-0002").details()).containsEntry("callbackNumber", "13900002002");
    }

    @Test
    void aUtf8JsonBatchGoesThrough() throws Exception {
        drop("calls-batch.json");

        awaitFile(processed(), "calls-batch.json");
        List<ConsumerRecord<String, ComplaintEvent>> events = hotlineEvents("JSON-20261123-");
        assertThat(events).extracting(r -> sourceRef(r.value()))
                .containsExactlyInAnyOrder("JSON-20261123-0101", "JSON-20261123-0102", "JSON-20261123-0103");
        assertThat(received(events, "JSON-20261123-0101").description())
                .startsWith("我家厨房水管一直在漏水").contains("麻烦尽快，谢谢。").endsWith("厨房水管漏水，楼下已渗水，需上门维修");
        assertThat(received(events, "JSON-20261123-0102").description())
                .isEqualTo("北门门禁坏了，外来人员随便进出，晚上不安全。");
        assertThat(received(events, "JSON-20261123-0103").language()).isEqualTo("en");
    }

    @Test
    void chineseAndEnglishPlainTextTranscriptsGoThrough() throws Exception {
        drop("call-zh.txt");
        drop("call-en.txt");

        awaitFile(processed(), "call-zh.txt");
        awaitFile(processed(), "call-en.txt");
        ComplaintReceived zh = received(hotlineEvents("TXT-ZH-20261123-0201"), "TXT-ZH-20261123-0201");
        assertThat(zh.description()).isEqualTo("8号楼门口的消防通道天天被人停车，\n救护车上次都进不来。\n希望能彻底解决，不要只贴个条子。"
                + "\n\n【坐席摘要】8号楼门口消防通道长期被私家车占用，请求处理");
        assertThat(zh.categoryHint()).isEqualTo("停车");
        assertThat(zh.details()).containsEntry("callbackNumber", "13900003201");
        ComplaintReceived en = received(hotlineEvents("TXT-EN-20261123-0301"), "TXT-EN-20261123-0301");
        assertThat(en.description()).isEqualTo(
                "I was charged twice for the November utility bill.\nBoth payments show up on my card statement.");
        assertThat(en.language()).isEqualTo("en");
        assertThat(en.contact().phone()).isEqualTo("+1 415 555 0142");
        assertThat(en.at()).isEqualTo(Instant.parse("2026-11-23T06:30:00Z"));
    }

    @Test
    void aTruncatedFileIsRejectedWithTheLineWhileItsCompleteCallsGoThrough() throws Exception {
        drop("truncated.json");

        awaitFile(rejected(), "truncated.json");
        String error = Files.readString(awaitFile(rejected(), "truncated.json.error.txt"));
        assertThat(error).contains("line 4").contains("truncated");
        assertThat(hotlineEvents("TRUNC-20261123-")).extracting(r -> sourceRef(r.value()))
                .containsExactlyInAnyOrder("TRUNC-20261123-0401", "TRUNC-20261123-0402");
    }

    @Test
    void aCsvWithBadRowsIsRejectedListingEachBadLineWhileTheGoodRowsGoThrough() throws Exception {
        drop("bad-row.csv");

        awaitFile(rejected(), "bad-row.csv");
        List<String> error = Files.readAllLines(awaitFile(rejected(), "bad-row.csv.error.txt"));
        assertThat(error.get(0)).isEqualTo("# bad-row.csv — 4 处问题 / problem(s); 其余 2 通通话已处理 / the other 2 call(s) "
                + "were taken");
        assertThat(error).anySatisfy(l -> assertThat(l).startsWith("line 3 (call BAD-20261123-0502)").contains("start_time"))
                .anySatisfy(l -> assertThat(l).startsWith("line 4:").contains("call_id is required"))
                .anySatisfy(l -> assertThat(l).startsWith("line 5 (call BAD-20261123-0504)").contains("summary or transcript"))
                .anySatisfy(l -> assertThat(l).startsWith("line 7 (call BAD-20261123-0506)").contains("duration_s"));
        assertThat(hotlineEvents("BAD-20261123-")).extracting(r -> sourceRef(r.value()))
                .containsExactlyInAnyOrder("BAD-20261123-0501", "BAD-20261123-0505");
    }

    @Test
    void aFileOfUnknownFormatIsRejectedWithTheReason() throws Exception {
        Files.writeString(inbox().resolve("notes.docx"), "not a transcript");

        awaitFile(rejected(), "notes.docx");
        assertThat(Files.readString(awaitFile(rejected(), "notes.docx.error.txt"))).contains("unknown format");
    }

    /**
     * A big file in several chunks (chunk-size 500 here): every call exactly once, progress and a summary in the log.
     * 2,000 calls, not 10,000: the same assertions; the 10,000-call file is measured by the harness (bench/run, row
     * "hotline file → routed"), and each later read of intake.hotline here no longer carries 10,000 extra events.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aBigFileGoesThroughExactlyOnceWithProgressAndASummaryInTheLog(CapturedOutput log) throws Exception {
        dropBytes("big-export.csv", csv("BIG-", 2_000));

        awaitFile(processed(), "big-export.csv", Duration.ofMinutes(5));
        List<ConsumerRecord<String, ComplaintEvent>> events = hotlineEvents("BIG-");
        Map<String, Long> perCall = events.stream().collect(Collectors.groupingBy(r -> sourceRef(r.value()),
                Collectors.counting()));
        assertThat(perCall).hasSize(2_000);
        assertThat(perCall.values()).allMatch(n -> n == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(watcher.recentReports()).anySatisfy(r -> {
            assertThat(r.file()).isEqualTo("big-export.csv");
            assertThat(r.complaints()).isEqualTo(2_000);
            assertThat(r.result()).isEqualTo(FileReport.Result.PROCESSED);
        }));
        // progress-every is 500 in these tests
        assertThat(log.getOut()).contains("Hotline big-export.csv: 500 of 2000 calls done",
                "Hotline big-export.csv: 1000 of 2000 calls done", "Hotline big-export.csv: 1500 of 2000 calls done")
                .containsPattern("Hotline file big-export\\.csv: processed, 2000 calls read, 2000 new complaints, "
                        + "0 follow-ups, 0 already done, 0 rejected, in \\d+ ms -> .*processed.big-export\\.csv");
        // Out of the shared archive again: the other tests' erasures read every archived file.
        java.nio.file.Files.deleteIfExists(processed().resolve("big-export.csv"));
    }

    @Test
    void aFileLeftHalfDoneByACrashIsResumedAfterARestartWithoutDuplicates() throws Exception {
        byte[] file = csv("CRASH-", 400);
        Parsed parsed = transcripts.parse(file, TranscriptFormat.CSV);
        // The run that died: the first 200 calls were published and recorded, then the process was gone,
        // leaving the file in the inbox.
        publishing.publish(parsed.calls().subList(0, 200), "folder", "crash.csv");
        // The restart: the dedupe store is read back from its Kafka topic.
        processedCalls.reload();
        assertThat(processedCalls.complaintOf("CRASH-00000")).isPresent();
        assertThat(processedCalls.complaintOf("CRASH-00199")).isPresent();
        assertThat(processedCalls.complaintOf("CRASH-00200")).isEmpty();

        dropBytes("crash.csv", file);

        awaitFile(processed(), "crash.csv");
        Map<String, Long> perCall = hotlineEvents("CRASH-").stream().collect(Collectors.groupingBy(
                r -> sourceRef(r.value()), Collectors.counting()));
        assertThat(perCall).hasSize(400);
        assertThat(perCall.values()).allMatch(n -> n == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(watcher.recentReports()).anySatisfy(r -> {
            assertThat(r.file()).isEqualTo("crash.csv");
            assertThat(r.duplicates()).isEqualTo(200);
            assertThat(r.complaints()).isEqualTo(200);
        }));
    }

    @Test
    void theSameFileDroppedAgainMakesNoSecondComplaint() throws Exception {
        dropBytes("again.csv", csv("AGAIN-", 5));
        awaitFile(processed(), "again.csv");
        dropBytes("again.csv", csv("AGAIN-", 5));

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (var files = Files.list(processed())) {
                return files.filter(f -> f.getFileName().toString().startsWith("again.")).count() == 2;
            }
        });
        assertThat(hotlineEvents("AGAIN-")).hasSize(5);
    }

    @Test
    void aFileStillBeingWrittenIsNotReadEarly() throws Exception {
        byte[] content = csv("SLOW-", 60);
        Path target = inbox().resolve("slow.csv");
        try (OutputStream out = Files.newOutputStream(target)) {
            // Written in pieces with pauses shorter than stable-for (1 s) but longer than the scan interval.
            int piece = content.length / 8 + 1;
            for (int from = 0; from < content.length; from += piece) {
                out.write(content, from, Math.min(piece, content.length - from));
                out.flush();
                Thread.sleep(250);
            }
        }

        awaitFile(processed(), "slow.csv");
        assertThat(rejected().resolve("slow.csv")).doesNotExist();
        assertThat(hotlineEvents("SLOW-")).hasSize(60);
    }

    @Test
    void aCallFromTheNumberOfAnOpenComplaintIsAFollowUpOnIt() throws Exception {
        ComplaintId open = existingComplaint(new Contact("李娜", null, "13700008801"));
        Files.writeString(inbox().resolve("followup-contact.json"), """
                {"call_id": "FU-CONTACT-1", "caller_number": "137-0000-8801", "summary": "居民再次来电催促维修进度"}""");

        awaitFile(processed(), "followup-contact.json");
        FollowUpReceived followUp = (FollowUpReceived) hotlineEvents("FU-CONTACT-1").get(0).value();
        assertThat(followUp.complaintId()).isEqualTo(open);
        assertThat(followUp.matchedBy()).isEqualTo("contact");
        assertThat(followUp.channel()).isEqualTo(Channel.HOTLINE);
        assertThat(followUp.text()).isEqualTo("居民再次来电催促维修进度");
    }

    @Test
    void aCallWhoseAgentNamesAnExistingTrackingIdIsAFollowUpOnIt() throws Exception {
        ComplaintId existing = existingComplaint(new Contact(null, "wang@example.com", null));
        ComplaintId unknown = TrackingIds.next();
        Files.writeString(inbox().resolve("followup-agent.json"), """
                [{"call_id": "FU-AGENT-1", "caller_number": "13700008802", "summary": "来电人询问工单 %s 的处理进度"},
                 {"call_id": "FU-AGENT-2", "caller_number": "13700008803", "summary": "来电人报了一个不存在的单号 %s"}]"""
                .formatted(existing, unknown));

        awaitFile(processed(), "followup-agent.json");
        FollowUpReceived followUp = (FollowUpReceived) hotlineEvents("FU-AGENT-1").get(0).value();
        assertThat(followUp.complaintId()).isEqualTo(existing);
        assertThat(followUp.matchedBy()).isEqualTo("agent");
        assertThat(hotlineEvents("FU-AGENT-2").get(0).value()).isInstanceOf(ComplaintReceived.class);
    }

    @Test
    void aCallFromTheNumberOfAnOpenComplaintAboutAnotherBuildingIsANewComplaint() throws Exception {
        existingComplaint(new Contact(null, null, "13700008811")); // in 1号楼
        Files.writeString(inbox().resolve("other-building.json"), """
                {"call_id": "FU-OTHER-1", "caller_number": "13700008811", "location": "5号楼 0302",
                 "summary": "5号楼0302门口的楼道灯坏了"}""");

        awaitFile(processed(), "other-building.json");
        assertThat(hotlineEvents("FU-OTHER-1")).singleElement()
                .satisfies(r -> assertThat(r.value()).isInstanceOf(ComplaintReceived.class));
    }

    @Test
    void aCallFromTheNumberOfAResolvedComplaintIsANewComplaint() throws Exception {
        ComplaintId resolved = existingComplaint(new Contact(null, null, "13700008821"));
        kafka.send(Topics.UPDATES, resolved.value(), new ComplaintResolved(Events.newId(), resolved, Instant.now(),
                new Actor("li.wei", "李伟", "maintenance", Actor.Role.STAFF), "已更换水管")).get();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> lookup.find(resolved).map(v -> "RESOLVED".equalsIgnoreCase(v.status())).orElse(false));
        Files.writeString(inbox().resolve("after-resolved.json"), """
                {"call_id": "FU-RESOLVED-1", "caller_number": "13700008821", "summary": "厨房又开始漏水"}""");

        awaitFile(processed(), "after-resolved.json");
        assertThat(hotlineEvents("FU-RESOLVED-1")).singleElement()
                .satisfies(r -> assertThat(r.value()).isInstanceOf(ComplaintReceived.class));
    }

    @Test
    void aSecondCallOfOneNumberInTheSameFileAboutTheSameMatterIsAFollowUpOnTheFirst() throws Exception {
        Files.writeString(inbox().resolve("same-day.csv"), """
                call_id,caller_number,category,location,summary
                SAMEDAY-1,13700008831,电梯,6号楼 1101,6号楼电梯停在12层不动
                SAMEDAY-2,137 0000 8831,电梯,6栋,再次来电：电梯仍未修好
                SAMEDAY-3,13700008831,噪音,6号楼 1101,楼上夜间装修噪音
                SAMEDAY-4,13700008832,电梯,6号楼 0901,6号楼电梯停在12层不动
                """);

        awaitFile(processed(), "same-day.csv");
        Map<String, ComplaintEvent> byCall = hotlineEvents("SAMEDAY-").stream()
                .collect(Collectors.toMap(r -> sourceRef(r.value()), ConsumerRecord::value));
        assertThat(byCall).hasSize(4);
        ComplaintId first = byCall.get("SAMEDAY-1").complaintId();
        assertThat(byCall.get("SAMEDAY-1")).isInstanceOf(ComplaintReceived.class);
        assertThat(byCall.get("SAMEDAY-2")).isInstanceOfSatisfying(FollowUpReceived.class, f -> {
            assertThat(f.complaintId()).isEqualTo(first);
            assertThat(f.matchedBy()).isEqualTo("contact");
        });
        // another matter from the same number, and the same matter from a neighbour: complaints of their own
        assertThat(byCall.get("SAMEDAY-3")).isInstanceOf(ComplaintReceived.class);
        assertThat(byCall.get("SAMEDAY-4")).isInstanceOf(ComplaintReceived.class);
        assertThat(byCall.values().stream().map(ComplaintEvent::complaintId).distinct()).hasSize(3);
    }

    @Test
    void anEmptyFileIsRejectedNotFiledAsDone() throws Exception {
        Files.writeString(inbox().resolve("empty-export.txt"), "\n");

        awaitFile(rejected(), "empty-export.txt");
        assertThat(Files.readAllLines(awaitFile(rejected(), "empty-export.txt.error.txt"))).containsExactly(
                "# empty-export.txt — 1 处问题 / problem(s); 没有通话被处理 / no call was taken",
                "file: 文件中没有通话 / the file holds no call");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(watcher.recentReports()).anySatisfy(r -> {
            assertThat(r.file()).isEqualTo("empty-export.txt");
            assertThat(r.result()).isEqualTo(FileReport.Result.REJECTED);
            assertThat(r.calls()).isZero();
            assertThat(r.rejected()).isZero();
        }));
    }

    /** A complaint in the read model: routed, as the router would publish it, and indexed by analytics. */
    private ComplaintId existingComplaint(Contact contact) throws Exception {
        ComplaintId id = TrackingIds.next();
        ComplaintReceived received = new ComplaintReceived(Events.newId(), id, Instant.now(), Channel.WEB, "form", null,
                contact, ResidentType.OWNER, Place.of("1号楼", "101"), "厨房漏水", "厨房漏水", null, "zh-CN", List.of(),
                Map.of());
        ComplaintRouted routed = new ComplaintRouted(Events.newId(), id, Instant.now(), received,
                new ComplaintRouted.Classification("maintenance", Urgency.NORMAL, 0.9, false, List.of(), List.of()),
                new ComplaintRouted.Assignment("maintenance", 3, List.of(), null, null, null, null),
                ComplaintRouted.Links.none());
        kafka.send(Topics.ROUTED, id.value(), routed).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> lookup.find(id).isPresent());
        return id;
    }

    private static ComplaintReceived received(List<ConsumerRecord<String, ComplaintEvent>> events, String callId) {
        return events.stream().map(ConsumerRecord::value).filter(e -> callId.equals(sourceRef(e)))
                .map(ComplaintReceived.class::cast).findFirst().orElseThrow();
    }

    /**
     * A realistic export: every fifth call with a quoted multi-line transcript. Each prefix has its own
     * caller numbers: a number with an open complaint from another test would (rightly) make a follow-up.
     */
    static byte[] csv(String prefix, int calls) {
        int numbers = Math.floorMod(prefix.hashCode(), 97);
        String[] problems = {"电梯异响", "楼道灯不亮", "垃圾未清运", "地下车库漏水", "夜间噪音扰民", "门禁卡失效", "水压不足"};
        StringBuilder csv = new StringBuilder("call_id,start_time,duration_s,caller_number,agent_id,category,location,summary,transcript\n");
        for (int i = 0; i < calls; i++) {
            String problem = problems[i % problems.length];
            String transcript = i % 5 == 0 ? "\"坐席：您好，请讲。\n来电人：" + (i % 30 + 1) + "号楼" + problem + "，麻烦处理一下。\"" : "";
            csv.append(prefix).append(String.format("%05d", i)).append(",2026-11-23 ")
                    .append(String.format("%02d:%02d:%02d", 8 + i / 3600 % 12, i / 60 % 60, i % 60)).append(',')
                    .append(30 + i % 300).append(",136").append(String.format("%02d%06d", numbers, i)).append(",A")
                    .append(i % 40).append(",维修,").append(i % 30 + 1).append("号楼 ").append(100 + i % 20).append(',')
                    .append(problem).append(',').append(transcript).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

}

package io.hearken.intake.hotline.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Channel;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.FollowUpReceived;
import io.hearken.intake.hotline.call.Call;
import io.hearken.intake.hotline.call.Turn;
import io.hearken.intake.hotline.call.Turn.Speaker;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallEventsTest {

    final CallEvents events = new CallEvents("test-secret");

    static Call call(String summary, List<Turn> turns, String transcript) {
        return new Call(2, "C-42", Instant.parse("2026-11-23T02:00:00Z"), 120, "13800001234", "13900005678", "A17",
                "电梯", "3号楼 1203", summary, turns, transcript);
    }

    @Test
    void aNewComplaintCarriesTheCallersWordsTheSummaryTheContactAndTheCallDetails() {
        Call call = call("电梯困人", List.of(new Turn(Speaker.AGENT, "您好"), new Turn(Speaker.CALLER, "电梯坏了"),
                new Turn(Speaker.CALLER, "有人被困")), null);

        ComplaintReceived event = (ComplaintReceived) CallEvents.newComplaint(call, events.complaintIdFor(call.callId()), "folder");

        assertThat(event.channel()).isEqualTo(Channel.HOTLINE);
        assertThat(event.via()).isEqualTo("folder");
        assertThat(event.sourceRef()).isEqualTo("C-42");
        assertThat(event.eventId()).isEqualTo(io.hearken.events.Events.idFrom("hotline", "C-42"));
        assertThat(event.at()).isEqualTo(Instant.parse("2026-11-23T02:00:00Z"));
        assertThat(event.contact().phone()).isEqualTo("13800001234");
        assertThat(event.description()).isEqualTo("电梯坏了\n有人被困\n\n【坐席摘要】电梯困人");
        assertThat(event.description()).doesNotContain("您好"); // the agent's words are not the complaint
        assertThat(event.categoryHint()).isEqualTo("电梯");
        assertThat(event.language()).isEqualTo("zh-CN");
        assertThat(event.place().building()).isEqualTo("3号楼");
        assertThat(event.place().unit()).isEqualTo("1203");
        assertThat(event.place().address()).isEqualTo("3号楼 1203");
        assertThat(event.details()).containsEntry("callId", "C-42").containsEntry("durationSeconds", "120")
                .containsEntry("agentId", "A17").containsEntry("callbackNumber", "13900005678")
                .containsEntry("startTime", "2026-11-23T02:00:00Z");
    }

    @Test
    void theSameCallAlwaysGetsTheSameComplaintIdAndOthersDiffer() {
        ComplaintId a = events.complaintIdFor("C-42");
        assertThat(events.complaintIdFor("C-42")).isEqualTo(a);
        assertThat(events.complaintIdFor("C-43")).isNotEqualTo(a);
        assertThat(new CallEvents("another-secret").complaintIdFor("C-42")).isNotEqualTo(a);
    }

    @Test
    void anEnglishCallIsLabelledEnglishAndAnUnlabelledTranscriptIsTakenWhole() {
        Call call = call(null, List.of(), "The heating is off in block C since last night.");

        ComplaintReceived event = (ComplaintReceived) CallEvents.newComplaint(call, events.complaintIdFor(call.callId()), "cti");

        assertThat(event.language()).isEqualTo("en");
        assertThat(event.description()).isEqualTo("The heating is off in block C since last night.");
    }

    @Test
    void aFollowUpIsKeyedByTheExistingComplaint() {
        ComplaintId existing = ComplaintId.of("HK-7K2M-9QXD");
        FollowUpReceived event = (FollowUpReceived) CallEvents.followUp(call("again about HK-7K2M-9QXD", List.of(), null),
                existing, "agent");

        assertThat(event.complaintId()).isEqualTo(existing);
        assertThat(event.matchedBy()).isEqualTo("agent");
        assertThat(event.sourceRef()).isEqualTo("C-42");
        assertThat(event.channel()).isEqualTo(Channel.HOTLINE);
        assertThat(event.text()).isEqualTo("again about HK-7K2M-9QXD");
    }

    @Test
    void englishLocationsGiveBuildingAndRoom() {
        assertThat(CallEvents.place("Building 2, Room 1507").building()).isEqualTo("Building 2");
        assertThat(CallEvents.place("Building 2, Room 1507").unit()).isEqualTo("1507");
        assertThat(CallEvents.place("北门").building()).isNull();
        assertThat(CallEvents.place("北门").address()).isEqualTo("北门");
    }
}

package io.hearken.events;

import static io.hearken.events.ComplaintStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComplaintStatusTest {

    static final Actor STAFF = new Actor("li.na", "李娜", "maintenance", Actor.Role.STAFF);
    static final ComplaintId ID = ComplaintId.of("HK-7K2M-9QXD");

    @Test
    void aComplaintsLifeFromReceiptToClosure() {
        var at = java.time.Instant.now();
        ComplaintStatus s = null;
        s = after(s, EventJsonTest.received());
        assertThat(s).isEqualTo(RECEIVED);
        s = after(s, new ComplaintRouted("r", ID, at, EventJsonTest.received(), null, null, null));
        assertThat(s).isEqualTo(ASSIGNED);
        s = after(s, new ComplaintAcknowledged("a", ID, at, STAFF));
        assertThat(s).isEqualTo(ACKNOWLEDGED);
        s = after(s, new InformationRequested("i", ID, at, STAFF, "照片?"));
        assertThat(s).isEqualTo(WAITING_ON_RESIDENT);
        s = after(s, new FollowUpReceived("f", ID, at, Channel.EMAIL, null, "thread-headers", "附照片", List.of()));
        assertThat(s).isEqualTo(ACKNOWLEDGED);
        s = after(s, new ComplaintResolved("d", ID, at, STAFF, "修好了"));
        assertThat(s).isEqualTo(RESOLVED);
        assertThat(after(s, new FeedbackGiven("g", ID, at, Channel.WEB, 2, "没修好"))).isEqualTo(RESOLVED);
        assertThat(after(s, new FeedbackGiven("g", ID, at, Channel.WEB, 5, "好"))).isEqualTo(CLOSED);
        assertThat(after(s, new ComplaintReopened("o", ID, at, STAFF, "low score"))).isEqualTo(REOPENED);
    }

    @Test
    void aLateRoutedEventDoesNotRollAResolvedComplaintBack() {
        var routed = new ComplaintRouted("r", ID, java.time.Instant.now(), EventJsonTest.received(), null, null, null);
        assertThat(after(RESOLVED, routed)).isEqualTo(RESOLVED);
        assertThat(after(ACKNOWLEDGED, routed)).isEqualTo(ACKNOWLEDGED);
        assertThat(after(ACKNOWLEDGED, EventJsonTest.received())).isEqualTo(ACKNOWLEDGED);
        var rerouted = new ComplaintRouted("r2", ID, java.time.Instant.now(), EventJsonTest.received(), null,
                new ComplaintRouted.Assignment("security", 3, List.of(), null, null, "maintenance", "门禁"), null);
        assertThat(after(ACKNOWLEDGED, rerouted)).isEqualTo(ASSIGNED);
    }

    @Test
    void repliesToOurMailsAreRecognisedOnlyForOurDomain() {
        String refs = "<CAF=abc@mail.gmail.com> " + MailThreading.rootMessageId(ID, "hearken.local");
        assertThat(MailThreading.complaintIdFromReferences(refs, "hearken.local")).contains(ID);
        assertThat(MailThreading.complaintIdFromReferences(refs, "other.org")).isEmpty();
        assertThat(MailThreading.messageId(ID, "3f2a-11", "hearken.local")).isEqualTo("<HK-7K2M-9QXD.3f2a-11@hearken.local>");
        assertThat(MailThreading.subject(ID, "已受理")).isEqualTo("[HK-7K2M-9QXD] 已受理");
    }
}

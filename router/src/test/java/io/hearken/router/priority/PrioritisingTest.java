package io.hearken.router.priority;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Urgency;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrioritisingTest {

    @Test
    void urgencyAloneSetsTheBaseLevel() {
        assertThat(Prioritising.of(Urgency.URGENT, List.of(), 0, 0).level()).isEqualTo(2);
        assertThat(Prioritising.of(Urgency.NORMAL, List.of(), 0, 0).level()).isEqualTo(3);
        assertThat(Prioritising.of(Urgency.LOW, List.of(), 0, 0).level()).isEqualTo(5);
    }

    @Test
    void aWholeBuildingMakesAnUrgentComplaintP1AndSaysWhy() {
        Prioritising.Priority p = Prioritising.of(Urgency.URGENT, List.of("全楼"), 0, 0);
        assertThat(p.level()).isEqualTo(1);
        assertThat(p.manyAffected()).isTrue();
        assertThat(p.reasons()).containsExactly("urgency urgent ×3", "impact: many affected (全楼) ×1.5",
                "history: none ×1", "score 4.5 → P1");
    }

    @Test
    void aRepeatRaisesPriority() {
        Prioritising.Priority p = Prioritising.of(Urgency.NORMAL, List.of(), 0, 1);
        assertThat(p.level()).isEqualTo(2);
        assertThat(p.reasons()).contains("history: repeat, 1 earlier complaint(s) in 30 days ×1.25");
        assertThat(Prioritising.of(Urgency.LOW, List.of(), 0, 1).level()).isEqualTo(4);
    }

    @Test
    void manyLinkedComplaintsCountAsImpact() {
        Prioritising.Priority p = Prioritising.of(Urgency.NORMAL, List.of(), 2, 0);
        assertThat(p.level()).isEqualTo(2);
        assertThat(p.reasons()).contains("impact: 2 other complaints about the same incident ×1.5");
    }

    @Test
    void aDistressedResidentRaisesPriorityWithTheReason() {
        var distressed = new Prioritising.Resident(io.hearken.events.Sentiment.DISTRESSED, List.of("孩子' + '发烧"), null, List.of());
        Prioritising.Priority p = Prioritising.of(Urgency.NORMAL, List.of(), 0, 0, distressed);
        assertThat(p.level()).isEqualTo(2);
        assertThat(p.reasons()).containsExactly("urgency normal ×2", "impact: single unit ×1", "history: none ×1",
                "resident distressed ('孩子' + '发烧') ×1.25", "score 2.5 → P2");
        assertThat(Prioritising.of(Urgency.LOW, List.of(), 0, 0, distressed).level()).isEqualTo(4);
        assertThat(Prioritising.of(Urgency.URGENT, List.of(), 0, 1, distressed).level()).isEqualTo(1);
        assertThat(p.manyAffected()).isFalse();
    }

    @Test
    void angerIsShownButDoesNotRaisePriority() {
        var angry = new Prioritising.Resident(io.hearken.events.Sentiment.ANGRY, List.of(), null, List.of());
        Prioritising.Priority p = Prioritising.of(Urgency.NORMAL, List.of(), 0, 0, angry);
        assertThat(p.level()).isEqualTo(Prioritising.of(Urgency.NORMAL, List.of(), 0, 0).level()).isEqualTo(3);
        assertThat(p.reasons()).contains("resident angry: shown, priority unchanged ×1");
    }

    @Test
    void aBusinessWhoseTradeIsHitRaisesPriorityButABusinessAloneDoesNot() {
        var hit = new Prioritising.Resident(io.hearken.events.Sentiment.NEUTRAL, List.of(),
                io.hearken.events.ResidentType.BUSINESS, List.of("影响营业"));
        Prioritising.Priority p = Prioritising.of(Urgency.NORMAL, List.of(), 0, 0, hit);
        assertThat(p.level()).isEqualTo(2);
        assertThat(p.reasons()).contains("business: customers or trade affected ('影响营业') ×1.25");
        var shop = new Prioritising.Resident(io.hearken.events.Sentiment.NEUTRAL, List.of(),
                io.hearken.events.ResidentType.BUSINESS, List.of());
        assertThat(Prioritising.of(Urgency.NORMAL, List.of(), 0, 0, shop).level()).isEqualTo(3);
    }
}

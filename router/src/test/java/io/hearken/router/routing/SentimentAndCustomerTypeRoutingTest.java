package io.hearken.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Channel;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Contact;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.Sentiment;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.privacy.PersonalData;
import io.hearken.router.assignment.RoutingTable;
import io.hearken.router.classification.Models;
import io.hearken.router.history.LinkingComplaint;
import io.hearken.router.sla.SlaConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sentiment and customer type on the routed event, and what they do to the priority. */
class SentimentAndCustomerTypeRoutingTest {

    private final RoutingComplaints router = new RoutingComplaints(Models.defaultClassifier(), RoutingTable.defaults(),
            SlaConfig.defaults(), new LinkingComplaint(Duration.ofHours(24), Duration.ofDays(30), 0.3),
            new PersonalData("test-secret"));
    private final RoutingComplaintsTest.MemoryPort port = new RoutingComplaintsTest.MemoryPort();
    private final Instant t0 = Instant.parse("2026-11-23T03:00:00Z");
    private int building;

    private ComplaintRouted route(String text, ResidentType type, Map<String, String> details) {
        ComplaintReceived received = new ComplaintReceived(java.util.UUID.randomUUID().toString(), TrackingIds.next(), t0,
                Channel.WEB, "form", null, new Contact(null, "r" + building + "@example.com", null), type,
                Place.of((++building) + "号楼", "101"), null, text, null, "zh-CN", List.of(), details);
        router.on(received, t0, port);
        return port.sent(Topics.ROUTED, ComplaintRouted.class).stream()
                .filter(r -> r.complaintId().equals(received.complaintId())).findFirst().orElseThrow();
    }

    @Test
    void aDistressedResidentIsOnePriorityLevelHigherWithTheReason() {
        ComplaintRouted plain = route("楼道的灯坏了好几天了，晚上出门很不方便", ResidentType.OWNER, Map.of());
        ComplaintRouted distressed = route("楼道的灯坏了好几天了，孩子发烧晚上要去医院，出门很不方便", ResidentType.OWNER, Map.of());
        assertThat(plain.classification().sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(distressed.classification().sentiment()).isEqualTo(Sentiment.DISTRESSED);
        assertThat(distressed.classification().urgency()).isEqualTo(plain.classification().urgency());
        assertThat(distressed.assignment().priority()).isEqualTo(plain.assignment().priority() - 1);
        assertThat(distressed.assignment().priorityReasons()).contains("resident distressed ('孩子' + '发烧') ×1.25");
        assertThat(distressed.classification().reasons()).anyMatch(r -> r.startsWith("sentiment: distressed"));
    }

    @Test
    void anAngryResidentIsShownButNotMovedAhead() {
        ComplaintRouted plain = route("楼道的灯坏了好几天了，晚上出门很不方便", ResidentType.OWNER, Map.of());
        ComplaintRouted angry = route("投诉了好几次了！楼道的灯坏了好几天了，气死了", ResidentType.OWNER, Map.of());
        assertThat(angry.classification().sentiment()).isEqualTo(Sentiment.ANGRY);
        assertThat(angry.assignment().priority()).isEqualTo(plain.assignment().priority());
        assertThat(angry.assignment().priorityReasons()).contains("resident angry: shown, priority unchanged ×1");
    }

    @Test
    void theCustomerTypeComesFromTheChannelElseTheAttributeElseTheWording() {
        assertThat(route("楼道灯坏了", ResidentType.OWNER, Map.of()).classification().customerType()).isEqualTo(ResidentType.OWNER);
        assertThat(route("本人是租户，楼道灯坏了", ResidentType.UNKNOWN, Map.of()).classification().customerType())
                .isEqualTo(ResidentType.TENANT);
        assertThat(route("Street light out", ResidentType.UNKNOWN, Map.of("open311.attribute[customer_type]", "business"))
                .classification().customerType()).isEqualTo(ResidentType.BUSINESS);
        assertThat(route("楼道灯坏了", null, Map.of()).classification().customerType()).isEqualTo(ResidentType.UNKNOWN);
    }

    @Test
    void aBusinessWhoseTradeIsHitIsRaisedAndSaysWhy() {
        // Not sewage flowing ("污水横流"): the urgency model reads that as urgent, and both would be P2.
        ComplaintRouted shop = route("我们店门口的下水道堵了，味道很大，影响营业", ResidentType.UNKNOWN, Map.of());
        ComplaintRouted home = route("家门口的下水道堵了，味道很大", ResidentType.UNKNOWN, Map.of());
        assertThat(home.classification().urgency()).isEqualTo(io.hearken.events.Urgency.NORMAL);
        assertThat(shop.classification().customerType()).isEqualTo(ResidentType.BUSINESS);
        assertThat(shop.assignment().priorityReasons()).anyMatch(r -> r.startsWith("business: customers or trade affected"));
        assertThat(shop.assignment().priority()).isEqualTo(home.assignment().priority() - 1);
    }
}

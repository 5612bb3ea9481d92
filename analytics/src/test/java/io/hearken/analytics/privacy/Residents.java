package io.hearken.analytics.privacy;

import io.hearken.events.Channel;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** A resident of one test: contacts and words nobody else uses, so the shared index can be searched for them. */
record Residents(String name, String email, String phone, String word) {

    static Residents next() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return new Residents("居民" + tag, "resident." + tag + "@example.net",
                "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)), "zq" + tag + "xv");
    }

    ComplaintReceived complaint(ComplaintId id, Instant at, String building) {
        return new ComplaintReceived(Events.newId(), id, at, Channel.WEB, "form", "ref-" + id,
                new Contact(name, email, phone), ResidentType.TENANT,
                new Place(building, "9-" + word, "东区", "幸福路 8 号 " + word, 31.2304, 121.4737),
                "subject " + word, "楼道里的灯坏了 " + word + " 请尽快修理", "facility", "zh-CN", List.of(), Map.of());
    }
}

package io.hearken.intake.web.open311;

import io.hearken.events.Channel;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Taxonomy;
import io.hearken.intake.web.i18n.WebLocales;
import io.hearken.readmodel.ComplaintListing;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Services and requests as the Open311 spec names their fields. */
final class Open311Rows {

    static final List<String> OPEN = statuses(ComplaintStatus.RECEIVED, ComplaintStatus.ASSIGNED,
            ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.WAITING_ON_RESIDENT, ComplaintStatus.REOPENED);
    static final List<String> CLOSED = statuses(ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED);

    private Open311Rows() {
    }

    static Map<String, Object> service(Taxonomy.Category c, Locale locale) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("service_code", c.code());
        s.put("service_name", locale == WebLocales.EN ? c.en() : c.zh());
        s.put("description", locale == WebLocales.EN ? c.en() : c.zh());
        s.put("metadata", false);
        s.put("type", "realtime");
        s.put("keywords", c.code());
        s.put("group", c.department());
        return s;
    }

    /**
     * One request as the spec shows it. Open311 reports are public by nature; a complaint that came in through
     * another channel (looked up by its id) shows its state, never the resident's text or address.
     */
    static Map<String, Object> request(ComplaintListing.Row row, Locale locale) {
        String status = row.status();
        boolean closed = status != null && CLOSED.contains(status);
        boolean open311 = Channel.OPEN311.name().equalsIgnoreCase(row.channel());
        var cat = row.category() == null ? Optional.<Taxonomy.Category>empty()
                : Taxonomy.byCode(row.category());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", row.id());
        r.put("status", closed ? "closed" : "open");
        r.put("status_notes", status == null ? null : status.toLowerCase(Locale.ROOT));
        r.put("service_name", cat.map(c -> locale == WebLocales.EN ? c.en() : c.zh()).orElse(null));
        r.put("service_code", row.category());
        r.put("description", open311 ? row.description() : null);
        r.put("agency_responsible", row.department());
        r.put("service_notice", null);
        r.put("requested_datetime", datetime(row.receivedAt()));
        r.put("updated_datetime", datetime(row.updatedAt()));
        r.put("expected_datetime", closed ? null : datetime(row.resolutionDue()));
        r.put("address", open311 ? row.building() : null);
        r.put("address_id", null);
        r.put("zipcode", null);
        Map<String, Double> location = open311 ? row.location() : null;
        r.put("lat", location == null ? null : location.get("lat"));
        r.put("long", location == null ? null : location.get("lon"));
        r.put("media_url", null);
        return r;
    }

    private static String datetime(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC).toString();
    }

    private static List<String> statuses(ComplaintStatus... statuses) {
        return Arrays.stream(statuses).flatMap(s -> Stream.of(s.name(),
                s.name().toLowerCase(Locale.ROOT))).toList();
    }
}

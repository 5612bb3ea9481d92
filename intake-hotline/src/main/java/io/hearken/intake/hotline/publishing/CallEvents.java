package io.hearken.intake.hotline.publishing;

import io.hearken.events.Channel;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.TrackingIds;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.intake.hotline.call.Call;
import io.hearken.intake.hotline.call.Turn;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Turns a call into its event. Pure: no Kafka, no Elasticsearch. */
final class CallEvents {

    static final String SOURCE = "hotline";
    private static final Pattern BUILDING = Pattern.compile("(\\d+\\s*(?:号楼|栋|幢|座|号宿舍楼)|(?i:building|bldg\\.?|block)\\s*\\w+)");
    private static final Pattern UNIT = Pattern.compile("(\\d{2,5})\\s*(?:室|房|号房)?\\s*$|(?i:room|unit|flat|apt\\.?)\\s*(\\w+)");

    private final byte[] secret;

    CallEvents(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The first candidate for the complaint id of a new call, derived from the call id with a keyed hash:
     * nobody without the deployment's secret can guess it from the call id. See {@link NewComplaintIds}.
     */
    ComplaintId complaintIdFor(String callId) {
        return complaintIdFor(callId, 0);
    }

    /** The {@code attempt}-th candidate (0, 1, ...) for a call's complaint id: the next one when the last was taken. */
    ComplaintId complaintIdFor(String callId, int attempt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String input = "hotline-call\u001f" + callId + (attempt == 0 ? "" : "\u001f" + attempt);
            byte[] h = mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 5; i++) {
                bits = bits << 8 | (h[i] & 0xFF);
            }
            return TrackingIds.fromBits(bits);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static String eventId(Call call) {
        return Events.idFrom(SOURCE, call.callId());
    }

    static ComplaintEvent newComplaint(Call call, ComplaintId id, String via) {
        Instant at = call.startTime() == null ? Instant.now() : call.startTime();
        String language = language(call);
        return new ComplaintReceived(eventId(call), id, at, Channel.HOTLINE, via,
                call.callId(), new Contact(null, null, call.callerNumber()), ResidentType.UNKNOWN, place(call.location()),
                subject(call), description(call, language), call.category(), language, List.of(), details(call));
    }

    static ComplaintEvent followUp(Call call, ComplaintId complaint, String matchedBy) {
        Instant at = call.startTime() == null ? Instant.now() : call.startTime();
        return new FollowUpReceived(eventId(call), complaint, at, Channel.HOTLINE, call.callId(), matchedBy,
                description(call, language(call)), List.of());
    }

    /** The caller's own words first, then the agent's summary; the whole transcript if neither is there. */
    static String description(Call call, String language) {
        String callerWords = call.turnsOf(Turn.Speaker.CALLER).stream().map(Turn::text)
                .collect(Collectors.joining("\n"));
        if (callerWords.isBlank() && call.turns().isEmpty() && call.transcript() != null) {
            callerWords = call.transcript().strip(); // a transcript without speaker labels: all of it
        }
        String summary = call.summary() == null ? "" : call.summary().strip();
        if (callerWords.isBlank() && summary.isEmpty()) {
            return call.transcript() == null ? "" : call.transcript().strip();
        }
        if (callerWords.isBlank()) {
            return summary;
        }
        if (summary.isEmpty()) {
            return callerWords;
        }
        return callerWords + "\n\n" + ("zh-CN".equals(language) ? "【坐席摘要】" : "[Agent summary] ") + summary;
    }

    static String subject(Call call) {
        String basis = call.summary() != null ? call.summary()
                : call.turnsOf(Turn.Speaker.CALLER).stream().map(Turn::text).findFirst().orElse(call.transcript());
        if (basis == null) {
            return null;
        }
        String firstLine = basis.strip().lines().findFirst().orElse("");
        return firstLine.length() <= 60 ? firstLine : firstLine.substring(0, 59) + "…";
    }

    static String language(Call call) {
        String text = (call.summary() == null ? "" : call.summary()) + (call.transcript() == null ? "" : call.transcript())
                + call.turns().stream().map(Turn::text).collect(Collectors.joining());
        return text.codePoints().anyMatch(Character::isIdeographic) ? "zh-CN" : "en";
    }

    static Place place(String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        String building = null;
        String unit = null;
        Matcher b = BUILDING.matcher(location);
        String rest = location;
        if (b.find()) {
            building = b.group(1).strip();
            rest = location.substring(b.end());
        }
        Matcher u = UNIT.matcher(rest);
        if (u.find()) {
            unit = u.group(1) != null ? u.group(1) : u.group(2);
        }
        return new Place(building, unit, null, location.strip(), null, null);
    }

    /** The building named in a location, if recognisable. */
    static String buildingOf(String location) {
        Place place = place(location);
        return place == null ? null : place.building();
    }

    static Map<String, String> details(Call call) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("callId", call.callId());
        put(d, "startTime", call.startTime() == null ? null : call.startTime().toString());
        put(d, "durationSeconds", call.durationSeconds() == null ? null : call.durationSeconds().toString());
        put(d, "agentId", call.agentId());
        put(d, "callbackNumber", call.callbackNumber());
        return d;
    }

    private static void put(Map<String, String> d, String key, String value) {
        if (value != null && !value.isBlank()) {
            d.put(key, value);
        }
    }
}

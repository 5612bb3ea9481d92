package io.hearken.notifier.notifying;

import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.InformationRequested;
import io.hearken.events.ProgressNoted;
import io.hearken.events.SlaBreached;
import io.hearken.events.SlaClock;
import io.hearken.events.SlaWarning;
import io.hearken.notifier.Languages;
import io.hearken.notifier.NotifierProperties;
import io.hearken.notifier.complaints.ComplaintFacts;
import io.hearken.notifier.delivery.MailKind;
import io.hearken.notifier.delivery.MailTemplates;
import io.hearken.notifier.delivery.Notice;
import io.hearken.notifier.delivery.Recipient;
import io.hearken.notifier.satisfaction.SatisfactionTokens;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Which notice an event calls for, to whom, in which language, with which values. No I/O. */
@Component("notifierPlanningNotices")
class PlanningNotices {

    private final NotifierProperties properties;
    private final MailTemplates templates;
    private final SatisfactionTokens tokens;

    PlanningNotices(NotifierProperties properties, MailTemplates templates, SatisfactionTokens tokens) {
        this.properties = properties;
        this.templates = templates;
        this.tokens = tokens;
    }

    List<Notice> plan(ComplaintEvent event, ComplaintFacts facts) {
        MailKind kind = MailKind.of(event).orElse(null);
        if (kind == null) {
            return List.of();
        }
        if (event instanceof SlaWarning w) {
            return List.of(staff(kind, event, facts, properties.supervisorOf(dept(w.department(), facts)),
                    Map.of("clock", clock(w.clock()), "due", format(w.due(), properties.staffLocale()))));
        }
        if (event instanceof SlaBreached b) {
            return List.of(staff(kind, event, facts, properties.supervisorOf(dept(b.department(), facts)),
                    Map.of("clock", clock(b.clock()), "due", format(b.due(), properties.staffLocale()))));
        }
        if (event instanceof ComplaintEscalated e) {
            String to = e.level() == ComplaintEscalated.Level.MANAGEMENT ? properties.management()
                    : properties.supervisorOf(dept(e.department(), facts));
            Map<String, Object> extra = new HashMap<>();
            extra.put("level", templates.message("level." + e.level(), properties.staffLocale()));
            put(extra, "quote", e.reason());
            put(extra, "department", templates.departmentName(dept(e.department(), facts), properties.staffLocale()));
            Notice toStaff = staff(kind, event, facts, to, extra);
            if (e.level() != ComplaintEscalated.Level.MANAGEMENT) {
                return List.of(toStaff);
            }
            // The resident hears that management follows it up; the reason is an internal matter.
            return List.of(toStaff, resident(MailKind.ESCALATED, event.complaintId(),
                    MailKind.ESCALATED.residentCause(event.eventId()), facts, Map.of()));
        }
        Locale locale = Languages.locale(facts.language());
        Map<String, Object> extra = new HashMap<>();
        if (event instanceof ComplaintRouted routed) {
            ComplaintRouted.Assignment a = routed.assignment();
            if (a != null) {
                put(extra, "firstResponseDue", format(a.firstResponseDue(), locale));
                put(extra, "resolutionDue", format(a.resolutionDue(), locale));
                put(extra, "previousDepartment", templates.departmentName(a.previousDepartment(), locale));
                put(extra, "quote", a.reason());
            }
        } else if (event instanceof ComplaintAcknowledged) {
            put(extra, "resolutionDue", format(facts.resolutionDue(), locale));
        } else if (event instanceof ProgressNoted p) {
            put(extra, "quote", p.note());
            files(extra, p.attachments());
        } else if (event instanceof InformationRequested i) {
            put(extra, "quote", i.question());
            files(extra, i.attachments());
        } else if (event instanceof ComplaintResolved r) {
            put(extra, "quote", r.resolution());
            files(extra, r.attachments());
            Instant expires = tokens.now().plus(properties.satisfactionValidFor());
            String token = tokens.issue(event.complaintId(), expires, locale, event.eventId());
            extra.put("satisfactionUrl", link("/satisfaction/" + token));
            extra.put("satisfactionUntil", format(expires, locale));
        } else if (event instanceof ComplaintReopened r) {
            put(extra, "quote", r.reason());
        }
        return List.of(resident(kind, event.complaintId(), event.eventId(), facts, extra));
    }

    /**
     * The note to a resident whose open complaint has been quiet: still handled, by whom, expected when (if that is
     * still ahead). {@code cause} identifies the quiet period.
     */
    Notice periodicUpdate(ComplaintFacts facts, String cause, Instant now) {
        Locale locale = Languages.locale(facts.language());
        Map<String, Object> extra = new HashMap<>();
        if (facts.resolutionDue() != null && facts.resolutionDue().isAfter(now)) {
            put(extra, "resolutionDue", format(facts.resolutionDue(), locale));
        }
        return resident(MailKind.PERIODIC_UPDATE, facts.id(), cause, facts, extra);
    }

    private Notice resident(MailKind kind, io.hearken.events.ComplaintId id, String cause, ComplaintFacts facts,
            Map<String, Object> extra) {
        Locale locale = Languages.locale(facts.language());
        Recipient resident = new Recipient(Recipient.Audience.RESIDENT, facts.contact().name(),
                facts.contact().email(), facts.contact().phone());
        Map<String, Object> model = base(facts, locale);
        put(model, "name", resident.name());
        model.putAll(extra);
        return new Notice(kind, id, cause, resident, locale, model, kind == MailKind.ACKNOWLEDGEMENT,
                facts.originalMessageId());
    }

    private Notice staff(MailKind kind, ComplaintEvent event, ComplaintFacts facts, String address,
            Map<String, Object> extra) {
        Locale locale = properties.staffLocale();
        Map<String, Object> model = base(facts, locale);
        model.putAll(extra);
        return new Notice(kind, event.complaintId(), event.eventId(), Recipient.staff(address), locale, model, false);
    }

    private Map<String, Object> base(ComplaintFacts facts, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        put(model, "complaintSubject", facts.subject());
        put(model, "department", templates.departmentName(facts.department(), locale));
        model.put("trackingUrl", link("/track?id=" + facts.id().value()));
        return model;
    }

    private String clock(SlaClock clock) {
        return templates.message("clock." + clock, properties.staffLocale());
    }

    private static String dept(String department, ComplaintFacts facts) {
        return department != null && !department.isBlank() ? department : facts.department();
    }

    private String link(String path) {
        String base = properties.publicUrl().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    private String format(Instant instant, Locale locale) {
        if (instant == null) {
            return null;
        }
        String pattern = templates.message("format.datetime", locale);
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(properties.zone()).format(instant);
    }

    /** Files staff attached for the resident: the mail medium attaches them (Notice.ATTACHMENTS). */
    private static void files(Map<String, Object> model, java.util.List<io.hearken.events.Attachment> files) {
        if (files != null && !files.isEmpty()) {
            model.put(Notice.ATTACHMENTS, java.util.List.copyOf(files));
        }
    }

    private static void put(Map<String, Object> model, String key, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            model.put(key, value);
        }
    }
}

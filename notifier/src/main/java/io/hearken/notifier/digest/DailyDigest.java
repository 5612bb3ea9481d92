package io.hearken.notifier.digest;

import io.hearken.events.config.HearkenMailProperties;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.MailThreading;
import io.hearken.notifier.NotifierProperties;
import io.hearken.notifier.complaints.ComplaintDirectory;
import io.hearken.notifier.complaints.ComplaintFacts;
import io.hearken.notifier.complaints.TrackedComplaint;
import io.hearken.notifier.delivery.MailTemplates;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day, each department's supervisor gets a summary: open complaints, new and resolved in the last
 * 24 hours, and the overdue ones (resolution deadline passed) with their tracking ids. Built from the
 * directory (complaints.routed + complaints.state). Not about one complaint, so not threaded and not
 * recorded on {@code notifications}; its Message-ID is stable per department and day.
 */
@Component("notifierDailyDigest")
public class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);
    private static final int MAX_ROWS = 20;

    /** One overdue complaint in the digest. */
    public record Row(String trackingId, String subject, String due) {
    }

    /** One department's day. */
    public record Summary(String department, int open, int created, int resolved, List<Row> overdue, int overdueCount) {

        boolean worthSending() {
            return open > 0 || created > 0 || resolved > 0;
        }
    }

    private final ComplaintDirectory directory;
    private final JavaMailSender mail;
    private final MailTemplates templates;
    private final NotifierProperties properties;
    private final String domain;
    private final boolean enabled;

    DailyDigest(ComplaintDirectory directory, JavaMailSender mail, MailTemplates templates,
            NotifierProperties properties, HearkenMailProperties mailSettings,
            @Value("${hearken.notifier.digest.enabled:true}") boolean enabled) {
        this.directory = directory;
        this.mail = mail;
        this.templates = templates;
        this.properties = properties;
        this.domain = mailSettings.domain();
        this.enabled = enabled;
    }

    @Scheduled(cron = "${hearken.notifier.digest.cron:0 0 8 * * *}", zone = "${hearken.notifier.zone:Asia/Shanghai}")
    void everyMorning() {
        if (enabled) {
            try {
                sendAll(Instant.now());
            } catch (RuntimeException e) {
                log.warn("Daily digest failed: {}", e.toString());
            }
        }
    }

    /** Sends the digests due at {@code now}; returns the departments mailed. */
    public List<String> sendAll(Instant now) {
        List<String> sent = new ArrayList<>();
        for (Summary summary : summaries(now).values()) {
            if (summary.worthSending()) {
                send(summary, now);
                sent.add(summary.department());
            }
        }
        return sent;
    }

    /**
     * Each department's figures, from one walk over the directory's records (read from disk one at a time; only
     * the overdue complaints, which are open, are gathered); the subjects of the rows shown are read last.
     */
    Map<String, Summary> summaries(Instant now) {
        Locale locale = properties.staffLocale();
        Instant dayAgo = now.minus(Duration.ofDays(1));
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, List<TrackedComplaint>> overdue = new HashMap<>();
        directory.forEach(complaint -> {
            if (complaint.department() == null) {
                return;
            }
            ComplaintDirectory.Standing standing = complaint.standingNow();
            int[] c = counts.computeIfAbsent(complaint.department(), d -> new int[3]);
            if (ComplaintStatus.isOpen(standing.status())) {
                c[0]++;
                if (complaint.resolutionDue() != null && complaint.resolutionDue().isBefore(now)) {
                    overdue.computeIfAbsent(complaint.department(), d -> new ArrayList<>()).add(complaint);
                }
            }
            if (complaint.routedAt() != null && complaint.routedAt().isAfter(dayAgo)) {
                c[1]++;
            }
            if (standing.resolvedAt() != null && standing.resolvedAt().isAfter(dayAgo)) {
                c[2]++;
            }
        });
        DateTimeFormatter format = DateTimeFormatter.ofPattern(templates.message("format.datetime", locale), locale)
                .withZone(properties.zone());
        Map<String, Summary> summaries = new TreeMap<>();
        counts.forEach((department, c) -> {
            List<TrackedComplaint> late = overdue.getOrDefault(department, List.of());
            List<Row> rows = late.stream().sorted(Comparator.comparing(TrackedComplaint::resolutionDue))
                    .limit(MAX_ROWS).map(t -> new Row(t.id().value(),
                            directory.find(t.id()).map(ComplaintFacts::subject).orElse(null),
                            format.format(t.resolutionDue()))).toList();
            summaries.put(department, new Summary(department, c[0], c[1], c[2], rows, late.size()));
        });
        return summaries;
    }

    private void send(Summary summary, Instant now) {
        Locale locale = properties.staffLocale();
        LocalDate day = LocalDate.ofInstant(now, properties.zone());
        String departmentName = templates.departmentName(summary.department(), locale);
        Map<String, Object> model = new HashMap<>();
        model.put("department", departmentName);
        model.put("summary", summary);
        model.put("day", day.toString());
        MailTemplates.Rendered rendered = templates.renderDigest(locale, model,
                templates.message("digest.subject", locale, departmentName, day.toString()));
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_NO,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(properties.supervisorOf(summary.department()));
            helper.setSubject(rendered.subject());
            message.setContent(rendered.alternative());
            helper.setSentDate(Date.from(now));
            message.setHeader("Message-ID", "<digest." + summary.department() + "." + day + "@" + domain + ">");
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("X-Auto-Response-Suppress", "All");
            message.setHeader(MailThreading.ORIGIN_HEADER, "notifier; kind=digest");
            message.setHeader("Content-Language", locale.toLanguageTag());
        } catch (MessagingException e) {
            throw new MailPreparationException("cannot build the digest for " + summary.department(), e);
        }
        mail.send(message);
    }
}

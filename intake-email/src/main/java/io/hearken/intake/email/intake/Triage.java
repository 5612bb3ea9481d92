package io.hearken.intake.email.intake;

import io.hearken.events.MailThreading;
import io.hearken.intake.email.mime.ReadMail;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mail that must never become a complaint: our own outgoing mail (a loop), bounces and delivery reports,
 * auto-replies and out-of-office notes, list and bulk mail. Pure: headers and subject only.
 */
public final class Triage {

    /** Why a mail was skipped; the name is the metric tag and log word. */
    public enum Skip {
        OWN_MAIL("own-mail"), BOUNCE("bounce"), AUTO_REPLY("auto-reply"), BULK("bulk"), RATE_LIMITED("rate-limited"),
        EMPTY("empty");

        public final String tag;

        Skip(String tag) {
            this.tag = tag;
        }
    }

    private static final String[] AUTO_HEADERS = {"x-autoreply", "x-autorespond", "x-autoresponder", "x-autoreply-from",
            "x-mail-autoreply", "x-auto-response-suppress", "x-fc-machinegenerated", "x-ms-exchange-generated-message-source"};
    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "^(\\[?(re|aw|sv|fw|回复|答复)\\s*[:：]\\s*)*\\s*(auto(matic)?[ -]?(reply|response|answer)|autoreply|out of (the )?office"
                    + "|abwesenheitsnotiz|r[ée]ponse automatique"
                    + "|自动回复|自動回覆|自动答复|自動回復|自动应答|休假自动回复|不在办公室|不在辦公室).*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "^(undeliver(ed|able)|delivery (status notification|failure|has failed)|returned mail|mail delivery failed"
                    + "|failure notice|nondeliverable|non-delivery|退信|邮件投递失败|系统退信|無法傳遞|未能送达).*",
            Pattern.CASE_INSENSITIVE);

    private final String domain;

    public Triage(String domain) {
        this.domain = domain.toLowerCase(Locale.ROOT);
    }

    public Optional<Skip> skip(ReadMail mail) {
        if (mail.header(MailThreading.ORIGIN_HEADER) != null
                || mail.messageId() != null && mail.messageId().toLowerCase(Locale.ROOT).endsWith("@" + domain + ">")) {
            return Optional.of(Skip.OWN_MAIL);
        }
        if (isBounce(mail)) {
            return Optional.of(Skip.BOUNCE);
        }
        String autoSubmitted = mail.header("auto-submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of(Skip.AUTO_REPLY);
        }
        for (String h : AUTO_HEADERS) {
            if (mail.header(h) != null) {
                return Optional.of(Skip.AUTO_REPLY);
            }
        }
        if (AUTO_SUBJECT.matcher(mail.subject().strip()).matches()) {
            return Optional.of(Skip.AUTO_REPLY);
        }
        String precedence = lower(mail.header("precedence"));
        if (precedence.startsWith("auto_reply")) {
            return Optional.of(Skip.AUTO_REPLY);
        }
        if (precedence.startsWith("bulk") || precedence.startsWith("junk") || precedence.startsWith("list")
                || mail.header("list-id") != null || mail.header("list-unsubscribe") != null) {
            return Optional.of(Skip.BULK);
        }
        return Optional.empty();
    }

    static boolean isBounce(ReadMail mail) {
        if (mail.report() != null || mail.contentType().startsWith("multipart/report")) {
            return true;
        }
        String from = mail.fromAddress();
        String local = from.substring(0, Math.max(0, from.indexOf('@')));
        return (local.equals("mailer-daemon") || local.equals("postmaster"))
                || BOUNCE_SUBJECT.matcher(mail.subject().strip()).matches() && mail.inReplyTo() == null;
    }

    private static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}

package io.hearken.notifier.delivery;

import io.hearken.events.config.HearkenMailProperties;
import io.hearken.events.ComplaintId;
import io.hearken.events.MailThreading;
import io.hearken.notifier.NotifierProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.annotation.Order;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mail through Spring's {@link JavaMailSender} (SMTP from {@code spring.mail.*}): HTML with a plain-text
 * alternative, threaded by stable Message-IDs, marked as automatic so that auto-responders stay quiet and the
 * email channel does not read our own mail back as a complaint. The SMTP connection is kept open between mails
 * ({@link SmtpConnections}).
 */
@Component("notifierEmailSender")
@Order(0)
class EmailSender implements Sender, DisposableBean {

    static final String MEDIUM = "email";

    private final JavaMailSender mail;
    private final MailTemplates templates;
    private final NotifierProperties properties;
    private final String domain;
    private final SmtpConnections connections;
    private final SentJournal journal;
    private final MailAttachments attachments;

    EmailSender(JavaMailSender mail, MailTemplates templates, NotifierProperties properties,
            HearkenMailProperties mailSettings, SentJournal journal,
            MailAttachments attachments) {
        this.attachments = attachments;
        this.mail = mail;
        this.templates = templates;
        this.properties = properties;
        this.domain = mailSettings.domain();
        this.journal = journal;
        this.connections = new SmtpConnections(properties.smtpKeepAlive());
    }

    @Override
    public String medium() {
        return MEDIUM;
    }

    @Override
    public boolean canReach(Recipient recipient) {
        return recipient.hasEmail();
    }

    @Override
    public String address(Recipient recipient) {
        return recipient.email().strip();
    }

    @Override
    public boolean isValid(String address) {
        try {
            new InternetAddress(address, true).validate();
            return address.indexOf('@') > 0 && address.indexOf('@') < address.length() - 1;
        } catch (AddressException e) {
            return false;
        }
    }

    @Override
    public String messageId(Notice notice) {
        ComplaintId id = notice.complaintId();
        return notice.threadRoot() ? MailThreading.rootMessageId(id, domain)
                : MailThreading.messageId(id, notice.causeEventId(), domain);
    }

    @Override
    public String detail(Notice notice) {
        return attachments.resolve(notice).detail();
    }

    @Override
    public String send(Notice notice) {
        MailTemplates.Rendered rendered = templates.render(notice);
        ComplaintId id = notice.complaintId();
        String root = MailThreading.rootMessageId(id, domain);
        String messageId = messageId(notice);
        MimeMessage message = mail.createMimeMessage();
        try {
            // Headers through the helper; the body is one multipart/alternative (no mixed wrapper, so no
            // mail client shows a paperclip on a mail without attachments).
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_NO,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setReplyTo(properties.from());
            Recipient to = notice.recipient();
            helper.setTo(to.name() == null || to.name().isBlank() ? new InternetAddress(address(to), true)
                    : new InternetAddress(address(to), to.name(), StandardCharsets.UTF_8.name()));
            if (journal.enabled()) {
                // An envelope-only recipient (Bcc is never written into the mail): SMTP accepts both copies or neither.
                message.addRecipient(jakarta.mail.Message.RecipientType.BCC, new InternetAddress(journal.address(), true));
            }
            helper.setSubject(rendered.subject());
            // A reply with files is multipart/mixed; every other mail stays a bare alternative (no paperclip).
            MailAttachments.Resolved files = attachments.resolve(notice);
            message.setContent(files.any() ? MailAttachments.mixed(rendered.alternative(), files) : rendered.alternative());
            helper.setSentDate(new Date());
            // JavaMailSenderImpl keeps a Message-ID set before sending, so a resend carries the same id.
            message.setHeader("Message-ID", messageId);
            // The root answers the resident's own mail (email channel); every later mail answers the root.
            String original = to.isResident() ? notice.originalMessageId() : null;
            String parent = notice.threadRoot() ? original : root;
            if (parent != null) {
                message.setHeader("In-Reply-To", parent);
                message.setHeader("References", original != null && !notice.threadRoot() ? original + " " + root : parent);
            }
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("X-Auto-Response-Suppress", "All");
            message.setHeader(MailThreading.ORIGIN_HEADER, "notifier; kind=" + notice.kind());
            message.setHeader(MailThreading.COMPLAINT_HEADER, id.value());
            message.setHeader("Content-Language", notice.locale().toLanguageTag());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException("cannot build the " + notice.kind() + " mail for " + id, e);
        }
        if (mail instanceof JavaMailSenderImpl configured) {
            connections.send(configured, message);
        } else {
            mail.send(message);
        }
        return messageId;
    }

    @Override
    public void destroy() {
        connections.close();
    }
}

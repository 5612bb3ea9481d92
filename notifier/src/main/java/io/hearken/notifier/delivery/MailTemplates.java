package io.hearken.notifier.delivery;

import io.hearken.events.MailThreading;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The notifier's own Thymeleaf engine ({@code templates/notifier/**}) over the application's one message source
 * (its texts: {@code i18n/notifier*}). Deliberately not a bean of type TemplateEngine: in the all-in-one that
 * belongs to the web modules, and a second one would replace Boot's.
 */
@Component("notifierMailTemplates")
public class MailTemplates {

    public record Rendered(String subject, String html, String text) {

        /** The body: the plain text first, then the HTML the reader's client prefers (RFC 2046 order). */
        public MimeMultipart alternative() throws MessagingException {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, StandardCharsets.UTF_8.name(), "html");
            MimeMultipart body = new MimeMultipart("alternative");
            body.addBodyPart(plain);
            body.addBodyPart(rich);
            return body;
        }
    }

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;

    MailTemplates(MessageSource messages) {
        this.messages = messages;
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
        r.setPrefix("templates/notifier/");
        r.setTemplateMode(mode);
        r.setResolvablePatterns(Set.of(pattern));
        r.setCharacterEncoding(StandardCharsets.UTF_8.name());
        r.setCheckExistence(true);
        r.setCacheable(true);
        r.setOrder(order);
        return r;
    }

    public Rendered render(Notice notice) {
        Locale locale = notice.locale();
        Map<String, Object> model = new HashMap<>(notice.model());
        model.put("kind", notice.kind().id());
        model.put("trackingId", notice.complaintId().value());
        model.put("bracketId", "[" + notice.complaintId().value() + "]");
        model.put("resident", notice.recipient().isResident());
        model.put("lang", locale.toLanguageTag());
        String subject = MailThreading.subject(notice.complaintId(), message("mail." + notice.kind().id() + ".subject",
                locale, model.getOrDefault("complaintSubject", ""), model.getOrDefault("department", "")));
        model.put("mailSubject", subject);
        Context context = new Context(locale, model);
        return new Rendered(subject, engine.process("mail/notice.html", context).strip(),
                engine.process("mail/notice.txt", context).strip() + "\n");
    }

    /** The daily digest to a supervisor (no complaint, so no thread). */
    public Rendered renderDigest(Locale locale, Map<String, Object> model, String subject) {
        Map<String, Object> values = new HashMap<>(model);
        values.put("lang", locale.toLanguageTag());
        values.put("mailSubject", subject);
        Context context = new Context(locale, values);
        return new Rendered(subject, engine.process("mail/digest.html", context).strip(),
                engine.process("mail/digest.txt", context).strip() + "\n");
    }

    /** A page of the notifier's own (the satisfaction page). */
    public String page(String name, Locale locale, Map<String, Object> model) {
        Map<String, Object> values = new HashMap<>(model);
        values.put("lang", locale.toLanguageTag());
        return engine.process("page/" + name + ".html", new Context(locale, values));
    }

    public String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

    /** The department's name in the reader's language; its code when there is no translation. */
    public String departmentName(String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return messages.getMessage("department." + code, null, code, locale);
    }
}

package io.hearken.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every kind renders in both languages with every message found (no {@code ??key??}, no stray nulls). */
class MailTemplatesTest {

    final MailTemplates templates = new MailTemplates(
            io.hearken.events.i18n.MessagesAutoConfiguration.of(java.util.List.of("i18n/notifier")));
    final ComplaintId id = ComplaintId.of("HK-7K2M-9QXD");

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void rendersInChineseAndEnglish(MailKind mailKind) {
        String kind = mailKind.id();
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            boolean staff = kind.startsWith("sla") || kind.equals(MailKind.ESCALATION.id());
            Map<String, Object> model = new HashMap<>();
            model.put("complaintSubject", "Lift");
            model.put("department", templates.departmentName("maintenance", locale));
            model.put("previousDepartment", templates.departmentName("cleaning", locale));
            model.put("trackingUrl", "http://localhost:8080/track?id=" + id);
            model.put("clock", templates.message("clock.RESOLUTION", locale));
            model.put("due", "2026-11-24 10:00");
            model.put("level", templates.message("level.MANAGEMENT", locale));
            model.put("quote", "the text");
            if (kind.equals(MailKind.RESOLUTION.id())) {
                model.put("satisfactionUrl", "http://localhost:8080/satisfaction/abc.def");
                model.put("satisfactionUntil", "2026-12-07");
            }
            Recipient to = staff ? Recipient.staff("s@hearken.local")
                    : new Recipient(Recipient.Audience.RESIDENT, null, "r@example.com", null);
            MailTemplates.Rendered mail = templates.render(new Notice(mailKind, id, "e1", to, locale, model, false));

            assertThat(mail.subject()).startsWith("[HK-7K2M-9QXD] ").doesNotContain("??").doesNotContainPattern("mail\\.[a-z]");
            for (String body : List.of(mail.html(), mail.text())) {
                assertThat(body).contains("HK-7K2M-9QXD", "the text").doesNotContain("??", "null")
                        .doesNotContainPattern("mail\\.[a-z]");
                assertThat(body).contains(locale == Locale.ENGLISH ? "Maintenance" : "维修部");
            }
            assertThat(mail.html()).startsWith("<!DOCTYPE html>");
            assertThat(mail.text()).doesNotContain("<", "[(");
        }
    }
}

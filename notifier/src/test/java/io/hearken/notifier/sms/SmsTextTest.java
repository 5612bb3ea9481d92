package io.hearken.notifier.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintId;
import io.hearken.events.i18n.MessagesAutoConfiguration;
import io.hearken.notifier.delivery.MailTemplates;
import io.hearken.notifier.delivery.Notice;
import io.hearken.notifier.delivery.Recipient;
import io.hearken.notifier.delivery.MailKind;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

/** Counting and fitting: Chinese in UTF-16 units (70 a part), English in GSM septets (160), ids and links kept. */
class SmsTextTest {

    static final String LINK = "https://complaints.example.org/track?id=HK-7K2M-9QXD";
    static final SmsText.Limits ONE_PART = new SmsText.Limits(160, 70, 1);

    @Test
    void countsGsmInSeptetsAndEverythingElseInUtf16Units() {
        assertThat(SmsText.isGsm("Complaint HK-7K2M-9QXD: parts ordered (£20).")).isTrue();
        assertThat(SmsText.isGsm("Parts ordered’")).isFalse(); // a typographic apostrophe makes it UCS-2
        assertThat(SmsText.length("a[b]€", true)).isEqualTo(8); // extension characters take two septets
        assertThat(SmsText.length("电梯故障", false)).isEqualTo(4);
        assertThat(SmsText.length("😀", false)).isEqualTo(2);
        assertThat(ONE_PART.parts("x".repeat(160))).isEqualTo(1);
        assertThat(ONE_PART.parts("x".repeat(161))).isEqualTo(2); // 153 a part once concatenated
        assertThat(ONE_PART.parts("电".repeat(71))).isEqualTo(2); // 67 a part once concatenated
        assertThat(new SmsText.Limits(160, 70, 3).capacity(false)).isEqualTo(201);
        assertThat(new SmsText.Limits(160, 70, 2).capacity(true)).isEqualTo(306);
    }

    @Test
    void aLongQuoteIsCutThenDroppedButTheIdAndTheLinkStay() {
        String zh = SmsText.fit("投诉HK-7K2M-9QXD有新进展：", "维修师傅已检查电梯并订购零件。".repeat(5), "投诉HK-7K2M-9QXD有进展：",
                List.of(LINK), new SmsText.Limits(160, 70, 2));
        assertThat(zh.length()).isLessThanOrEqualTo(134);
        assertThat(zh).startsWith("投诉HK-7K2M-9QXD有新进展： 维修师傅").contains("…").endsWith(" " + LINK);

        // No room for the quote in one part: the short head and the link.
        String tight = SmsText.fit("投诉HK-7K2M-9QXD有新进展，维修部正在处理：", "零件已到", "投诉HK-7K2M-9QXD有进展：",
                List.of(LINK), ONE_PART);
        assertThat(tight).isEqualTo("投诉HK-7K2M-9QXD有进展： " + LINK);

        String en = SmsText.fit("Hearken: update on complaint HK-7K2M-9QXD:", "The engineer came. ".repeat(20),
                "Complaint HK-7K2M-9QXD update:", List.of(LINK), ONE_PART);
        assertThat(SmsText.isGsm(en)).isTrue();
        assertThat(en).hasSizeLessThanOrEqualTo(160).contains("The engineer came", "...").endsWith(" " + LINK);
    }

    @Test
    void aLinkTooLongForOnePartGivesWayToTheNextAndNothingIsEverCut() {
        String rating = "https://complaints.example.org/satisfaction/" + "x".repeat(140);
        String text = SmsText.fit("Complaint HK-7K2M-9QXD is resolved:", null, "Resolved HK-7K2M-9QXD:",
                List.of(rating, LINK), ONE_PART);
        assertThat(text).isEqualTo("Complaint HK-7K2M-9QXD is resolved: " + LINK);
        String over = SmsText.fit("Complaint HK-7K2M-9QXD is resolved:", null, "HK-7K2M-9QXD:", List.of(rating),
                new SmsText.Limits(160, 70, 1));
        assertThat(over).isEqualTo("HK-7K2M-9QXD: " + rating); // longer than a part: sent in two, never cut
    }

    @ParameterizedTest
    @EnumSource(value = MailKind.class, mode = EnumSource.Mode.EXCLUDE, names = {"SLA_WARNING", "SLA_BREACH", "ESCALATION"})
    void everyResidentKindFitsOnePartInBothLanguagesWithTheDefaults(MailKind mailKind) throws Exception {
        String kind = mailKind.id();
        Constructor<MailTemplates> newTemplates = MailTemplates.class.getDeclaredConstructor(MessageSource.class);
        newTemplates.setAccessible(true);
        MailTemplates templates = newTemplates.newInstance(MessagesAutoConfiguration.of(List.of("i18n/notifier")));
        SmsSender sender = sender(templates);
        ComplaintId id = ComplaintId.of("HK-7K2M-9QXD");
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            Map<String, Object> model = new HashMap<>();
            model.put("department", templates.departmentName("maintenance", locale));
            model.put("trackingUrl", "http://localhost:8080/track?id=" + id);
            model.put("quote", locale == Locale.ENGLISH ? "Parts were ordered today." : "零件今天已订购。");
            if (kind.equals(MailKind.RESOLUTION.id())) {
                model.put("satisfactionUrl", "http://localhost:8080/satisfaction/" + "t".repeat(150));
            }
            Notice notice = new Notice(mailKind, id, "e1", new Recipient(Recipient.Audience.RESIDENT, null, null, "13812345678"),
                    locale, model, false);
            String text = sender.text(notice);
            assertThat(text).as("%s %s", kind, locale).contains(id.value(), "http://localhost:8080/track?id=" + id)
                    .doesNotContain("sms.", "{", "null");
            boolean gsm = SmsText.isGsm(text);
            assertThat(gsm).as("%s %s is GSM", kind, locale).isEqualTo(locale == Locale.ENGLISH);
            assertThat(SmsText.length(text, gsm)).as("%s %s: %s", kind, locale, text).isLessThanOrEqualTo(gsm ? 160 : 70);
            // With a short public URL the full head fits: the department is named where the text names one.
            if (templates.message("sms." + kind, locale, "ID", "DEPT").contains("DEPT")) {
                assertThat(text).as("%s %s", kind, locale).contains((String) model.get("department"));
            }
        }
    }

    /** The sender with the defaults of {@code hearken.notifier.sms.*}; only its text is used here. */
    private static SmsSender sender(MailTemplates templates) throws Exception {
        var binder = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                        Map.of("hearken.notifier.public-url", URI.create("http://localhost:8080").toString())));
        var properties = binder.bindOrCreate("hearken.notifier", io.hearken.notifier.NotifierProperties.class);
        return new SmsSender(properties, templates, null, null);
    }
}

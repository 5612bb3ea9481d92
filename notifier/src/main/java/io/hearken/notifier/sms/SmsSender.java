package io.hearken.notifier.sms;

import io.hearken.events.Events;
import io.hearken.notifier.NotifierProperties;
import io.hearken.notifier.delivery.MailTemplates;
import io.hearken.notifier.delivery.Notice;
import io.hearken.notifier.delivery.Recipient;
import io.hearken.notifier.delivery.Sender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Text messages to residents who left a phone number only (an address gets mail: {@code EmailSender} comes first),
 * while {@code hearken.notifier.sms.enabled}. The text is {@code sms.<kind>} of the notifier's messages in the
 * resident's language, fitted to {@code max-parts} ({@link SmsText}); the gateway's template id for the kind and the
 * values go beside it. Its id is derived from the complaint, the cause and the kind, and sent as the gateway's
 * idempotency key.
 */
@Component("notifierSmsSender")
@Order(1)
class SmsSender implements Sender {

    static final String MEDIUM = "sms";
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{5,15}");

    private final NotifierProperties.Sms settings;
    private final MailTemplates templates;
    private final SmsGateway gateway;
    private final SmsOptOuts optOuts;
    private final SmsText.Limits limits;

    SmsSender(NotifierProperties properties, MailTemplates templates, SmsGateway gateway, SmsOptOuts optOuts) {
        this.settings = properties.sms();
        this.templates = templates;
        this.gateway = gateway;
        this.optOuts = optOuts;
        this.limits = new SmsText.Limits(settings.gsmChars(), settings.ucs2Chars(), settings.maxParts());
    }

    @Override
    public String medium() {
        return MEDIUM;
    }

    @Override
    public boolean canReach(Recipient recipient) {
        return settings.enabled() && recipient.isResident() && recipient.hasPhone();
    }

    /** The number without spaces, dashes and brackets; a leading + kept. */
    @Override
    public String address(Recipient recipient) {
        return recipient.phone().strip().replaceAll("[\\s().-]", "");
    }

    @Override
    public boolean isValid(String address) {
        return NUMBER.matcher(address).matches();
    }

    @Override
    public boolean optedOut(String address) {
        return optOuts.isOptedOut(address);
    }

    @Override
    public String send(Notice notice) {
        String text = text(notice);
        String reference = "sms-" + Events.idFrom(notice.complaintId().value(), notice.causeEventId(), notice.kind().id());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("trackingId", notice.complaintId().value());
        put(params, "department", notice.model().get("department"));
        put(params, "link", link(notice));
        params.put("text", text);
        boolean gsm = SmsText.isGsm(text);
        gateway.send(new SmsGateway.Message(address(notice.recipient()), text, settings.templates().get(notice.kind().id()),
                params, reference, limits.parts(text), gsm ? "GSM7" : "UCS2"));
        return reference;
    }

    /** The message in the resident's language, within the configured length. */
    String text(Notice notice) {
        Locale locale = notice.locale();
        String id = notice.complaintId().value();
        Object department = notice.model().getOrDefault("department", "");
        String head = templates.message("sms." + notice.kind().id(), locale, id, department);
        String shortHead = templates.message("sms." + notice.kind().id() + ".short", locale, id);
        Object quote = notice.model().get("quote");
        List<String> links = new ArrayList<>();
        if (notice.model().get("satisfactionUrl") instanceof String rating) {
            links.add(rating); // preferred where it fits; otherwise the tracking page
        }
        links.add(link(notice));
        return SmsText.fit(head, quote == null ? null : quote.toString(), shortHead, links, limits);
    }

    private static String link(Notice notice) {
        Object url = notice.model().get("trackingUrl");
        return url == null ? null : url.toString();
    }

    private static void put(Map<String, String> params, String key, Object value) {
        if (value != null) {
            params.put(key, value.toString());
        }
    }
}

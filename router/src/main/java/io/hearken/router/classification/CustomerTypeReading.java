package io.hearken.router.classification;

import io.hearken.events.ResidentType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who the complainant is (the customer type): what the channel says first — the web form's and the API's
 * {@code residentType}, else an Open311 attribute {@code customer_type} / {@code resident_type} (in
 * {@code details}) — then the wording (我是业主, "I'm a tenant", 我们店, "I live in"), in the rules' order;
 * {@code UNKNOWN} when nothing says. {@link #businessImpact} names what says a business's trade is hit.
 */
public final class CustomerTypeReading {

    /** Open311 attributes as the web channel keeps them in {@code details}. */
    static final List<String> OPEN311_ATTRIBUTES = List.of("open311.attribute[customer_type]",
            "open311.attribute[resident_type]", "open311.attribute[customertype]", "open311.attribute[residenttype]");

    public record Decision(ResidentType type, String reason) {
    }

    private final ClassificationRules.CustomerTypeRules rules;

    public CustomerTypeReading(ClassificationRules rules) {
        this.rules = rules.customerType();
    }

    public Decision read(ResidentType given, Map<String, String> details, String text) {
        if (given != null && given != ResidentType.UNKNOWN) {
            return new Decision(given, "customer type: " + name(given) + " (from the channel)");
        }
        if (details != null) {
            for (Map.Entry<String, String> e : details.entrySet()) {
                ResidentType type = OPEN311_ATTRIBUTES.contains(e.getKey().toLowerCase(Locale.ROOT)) ? parse(e.getValue()) : null;
                if (type != null) {
                    return new Decision(type, "customer type: " + name(type) + " (Open311 attribute)");
                }
            }
        }
        String s = TextFeatures.normalize(text);
        for (Map.Entry<ResidentType, List<ClassificationRules.Matcher>> e : rules.wording().entrySet()) {
            for (ClassificationRules.Matcher m : e.getValue()) {
                Optional<String> found = m.first(s);
                if (found.isPresent()) {
                    return new Decision(e.getKey(), "customer type: " + name(e.getKey()) + " (wording '" + found.get() + "')");
                }
            }
        }
        return new Decision(ResidentType.UNKNOWN, null);
    }

    /** The rules' business-impact words in the text (影响营业, "our customers"). */
    public List<String> businessImpact(String text) {
        String s = TextFeatures.normalize(text);
        return rules.businessImpact().stream().filter(m -> m.matches(s)).map(ClassificationRules.Matcher::signal)
                .distinct().toList();
    }

    /** A type's name, or a common word for it (shop, 商户, 业主, 租户); null when none. */
    static ResidentType parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (ResidentType t : ResidentType.values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(v)) {
                return t == ResidentType.UNKNOWN ? null : t;
            }
        }
        return switch (v) {
            case "shop", "store", "merchant", "commercial", "商户", "商家" -> ResidentType.BUSINESS;
            case "homeowner", "业主" -> ResidentType.OWNER;
            case "renter", "租户", "租客" -> ResidentType.TENANT;
            case "住户", "居民" -> ResidentType.RESIDENT;
            case "访客" -> ResidentType.VISITOR;
            case "学生" -> ResidentType.STUDENT;
            default -> null;
        };
    }

    private static String name(ResidentType t) {
        return t.name().toLowerCase(Locale.ROOT);
    }
}

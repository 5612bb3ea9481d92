package io.hearken.events.privacy;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks contact data and identifiers a resident writes into free text (a description, a follow-up, a note)
 * before the text is stored where many can read it (the analytics indices). Each match becomes a typed
 * placeholder: {@value #PHONE}, {@value #ID_CARD}, {@value #EMAIL}, {@value #PLATE}, and people named by a
 * title ({@code 李师傅}, {@code Mr Smith}; {@link PersonNames}) {@value #NAME}.
 *
 * <p>Conservative on purpose: a pattern must look like the thing itself, not merely like a number, so dates
 * ({@code 2026-12-06}), times, prices, room and building numbers ({@code 3号楼1203室}), order numbers and
 * tracking ids ({@code HK-XXXX-XXXX}) stay as written. Digits are never taken out of a longer run of digits or
 * letters (no word boundary {@code \b}: in Java it does not separate {@code 号} from {@code 1}).
 * Pure Java, no state: {@link #mask(String)} is safe from any thread.
 */
public final class FreeTextMasking {

    public static final String PHONE = "[phone]";
    public static final String ID_CARD = "[id-card]";
    public static final String EMAIL = "[email]";
    public static final String PLATE = "[plate]";
    public static final String NAME = "[name]";

    /** Nothing alphanumeric (or a {@code +}, {@code -}) right before / digit or letter right after. */
    private static final String START = "(?<![0-9A-Za-z+\\-])";
    private static final String END = "(?![0-9A-Za-z])";
    private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领";

    /**
     * {@code mayMatch}: a cheap necessary condition (an {@code @}, enough digits, a plate's word), so that most texts
     * skip most patterns: eleven regex scans and the names' took ~100 µs a text, 7 % of the all-in-one's Java CPU in a
     * bench step; ~5 µs with the checks ({@code MaskingCost}, docs/BENCHMARKS.md).
     */
    record Rule(Pattern pattern, String placeholder, Predicate<String> accept, Predicate<String> mayMatch) {
    }

    /** Every pattern but the e-mail's needs a digit, and each phone or ID-card number at least eight. */
    private static final Predicate<String> A_DIGIT = s -> digits(s, 1) >= 1;
    private static final Predicate<String> EIGHT_DIGITS = s -> digits(s, 8) >= 8;

    /** In order: the most specific first, so an ID number is never half taken for a phone number. */
    static final List<Rule> RULES = List.of(
            // Starts only where a run starts, and never gives the run back: linear on a long run with no @.
            rule("(?<![A-Za-z0-9._%+\\-])[A-Za-z0-9._%+\\-]++@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}", EMAIL,
                    s -> s.indexOf('@') >= 0),
            // Resident ID card: 6-digit region, birth date 18xx–20xx, 3-digit sequence, check digit or X.
            rule(START + "[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]" + END,
                    ID_CARD, EIGHT_DIGITS),
            // The old 15-digit card: region, yymmdd, sequence.
            rule(START + "[1-9]\\d{5}\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}" + END, ID_CARD, EIGHT_DIGITS),
            // International form: +country and groups; 8 to 15 digits in all (E.164).
            rule("(?<![0-9A-Za-z+])\\+\\d{1,3}(?:[ .\\-]?\\(?\\d{1,5}\\)?)(?:[ .\\-]?\\(?\\d{2,5}\\)?){1,5}" + END,
                    PHONE, s -> digits(s) >= 8 && digits(s) <= 15, EIGHT_DIGITS),
            // Mainland mobile: 1[3-9]x xxxx xxxx, spaces or dashes allowed, 0086/86 prefix.
            rule(START + "(?:0086[ \\-]?|86[ \\-]?)?1[3-9]\\d(?:[ \\-]?\\d{4}){2}" + END, PHONE, EIGHT_DIGITS),
            // North American: (555) 123-4567, 555-123-4567, 555.123.4567 (a separator is required).
            rule("(?<![0-9A-Za-z])\\(\\d{3}\\)[ \\-]?\\d{3}[ .\\-]\\d{4}" + END, PHONE, EIGHT_DIGITS),
            rule(START + "\\d{3}([.\\-])\\d{3}\\1\\d{4}" + END, PHONE, EIGHT_DIGITS),
            // Landline with a trunk 0: 010-12345678, (0755) 1234 5678, 02079460958, 020 7946 0958; 10–12 digits.
            rule(START + "[(（]?0\\d{1,3}[)）]?[ \\-]?\\d{3,4}[ \\-]?\\d{4}" + END, PHONE,
                    s -> digits(s) >= 10 && digits(s) <= 12, EIGHT_DIGITS),
            // Chinese plates: province, letter, optional dot, 5 (petrol), 6 (new energy)
            // or 4 and 学/警/挂… characters, with a digit.
            rule("[" + PROVINCES + "][A-HJ-NP-Z][·•.\\s]?(?=[A-HJ-NP-Z0-9]{0,5}\\d)"
                    + "(?:[A-HJ-NP-Z0-9]{5,6}[挂学警港澳]?|[A-HJ-NP-Z0-9]{4}[挂学警港澳])" + END,
                    PLATE, s -> A_DIGIT.test(s) && s.chars().anyMatch(c -> PROVINCES.indexOf(c) >= 0)),
            // UK current format: AB12 CDE (upper case only, so ordinary words never match).
            rule(START + "[A-Z]{2}\\d{2} ?[A-Z]{3}" + END, PLATE, A_DIGIT),
            // Any other plate only where the text says it is one: "plate ABC-1234", "plate ABC 123", "车牌号：A12345".
            rule("(?i)(?<=(?<![A-Z])(?:licen[cs]e plate|plate|车牌号?码?)(?:\\s?(?:number|no\\.?|#))?[\\s:：是为]{0,3})"
                    + "(?:[A-Z]{1,3}[ \\-]\\d{2,4}|(?=[A-Z0-9·\\-]*\\d)[A-Z0-9][A-Z0-9·\\-]{1,7})" + END, PLATE,
                    s -> A_DIGIT.test(s) && (s.contains("车牌") || s.toLowerCase(Locale.ROOT).contains("plate"))));

    private FreeTextMasking() {
    }

    /** The text with every phone number, ID-card number, e-mail address, plate and titled name replaced; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (Rule rule : RULES) {
            if (rule.mayMatch().test(masked)) {
                masked = apply(rule, masked);
            }
        }
        return PersonNames.mask(masked);
    }

    /** One rule over the text (package-visible: the test compares the masking with every rule applied). */
    static String apply(Rule rule, String text) {
        Matcher m = rule.pattern().matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String replacement = rule.accept().test(m.group()) ? rule.placeholder() : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    private static Rule rule(String regex, String placeholder, Predicate<String> mayMatch) {
        return rule(regex, placeholder, s -> true, mayMatch);
    }

    private static Rule rule(String regex, String placeholder, Predicate<String> accept, Predicate<String> mayMatch) {
        return new Rule(Pattern.compile(regex), placeholder, accept, mayMatch);
    }

    private static int digits(String s) {
        return digits(s, Integer.MAX_VALUE);
    }

    /** The digits of {@code s} (any Unicode digit: never fewer than the patterns' ASCII {@code \\d}), counting stops at {@code enough}. */
    private static int digits(String s, int enough) {
        int n = 0;
        for (int i = 0; i < s.length() && n < enough; i++) {
            if (Character.isDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}

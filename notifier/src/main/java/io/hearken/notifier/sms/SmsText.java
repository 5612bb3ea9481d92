package io.hearken.notifier.sms;

import java.util.List;
import java.util.Objects;

/**
 * Fits a text into the parts an SMS may take. A text wholly in the GSM 7-bit alphabet is counted in septets (an
 * extension character such as {@code €} or {@code [} takes two); any other character (Chinese) makes it UCS-2,
 * counted in UTF-16 units. One part holds {@code gsmChars} / {@code ucs2Chars}; a part of a concatenated message 7 /
 * 3 less (the header that joins them). Too long: the quoted text is cut (with an ellipsis), then dropped, then the
 * short head is used; the tracking id and the link are never cut.
 */
final class SmsText {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";
    private static final int MIN_QUOTE = 4;

    /** Part sizes and how many parts a message may take. */
    record Limits(int gsmChars, int ucs2Chars, int maxParts) {

        int capacity(boolean gsm) {
            int single = gsm ? gsmChars : ucs2Chars;
            return maxParts <= 1 ? single : (single - (gsm ? 7 : 3)) * maxParts;
        }

        int parts(String text) {
            boolean gsm = isGsm(text);
            int length = length(text, gsm);
            int single = gsm ? gsmChars : ucs2Chars;
            return length <= single ? 1 : (length + single - (gsm ? 7 : 3) - 1) / (single - (gsm ? 7 : 3));
        }

        boolean fits(String text) {
            return length(text, isGsm(text)) <= capacity(isGsm(text));
        }
    }

    private SmsText() {
    }

    static boolean isGsm(String text) {
        return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
    }

    /** Septets for GSM, UTF-16 units for UCS-2 (what the network counts). */
    static int length(String text, boolean gsm) {
        return gsm ? text.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum() : text.length();
    }

    /**
     * The longest of: {@code head quote link}, with the quote cut; {@code head link}; {@code shortHead link} — for
     * the first link (in order of preference) with which one fits. Nothing fits: {@code shortHead} with the last link,
     * over the limit (the gateway sends it in more parts).
     */
    static String fit(String head, String quote, String shortHead, List<String> links, Limits limits) {
        String q = quote == null ? null : quote.strip().replaceAll("\\s+", " ");
        List<String> usable = links.stream().filter(Objects::nonNull).toList();
        for (String link : usable) {
            if (q != null && !q.isEmpty()) {
                String full = compose(head, q, link);
                if (limits.fits(full)) {
                    return full;
                }
                String cut = cutQuote(head, q, link, limits);
                if (cut != null) {
                    return cut;
                }
            }
            for (String h : List.of(head, shortHead)) {
                String text = compose(h, null, link);
                if (limits.fits(text)) {
                    return text;
                }
            }
        }
        return compose(shortHead, null, usable.isEmpty() ? null : usable.get(usable.size() - 1));
    }

    /** The quote cut to the most code points that still fit (binary search), or null below {@link #MIN_QUOTE}. */
    private static String cutQuote(String head, String quote, String link, Limits limits) {
        int total = quote.codePointCount(0, quote.length());
        int low = MIN_QUOTE;
        int high = total - 1;
        String best = null;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            String prefix = quote.substring(0, quote.offsetByCodePoints(0, mid)).strip();
            String candidate = compose(head, prefix + (isGsm(head + prefix) ? "..." : "…"), link);
            if (limits.fits(candidate)) {
                best = candidate;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return best;
    }

    private static String compose(String head, String quote, String link) {
        StringBuilder text = new StringBuilder(head.strip());
        if (quote != null) {
            text.append(' ').append(quote);
        }
        if (link != null) {
            text.append(' ').append(link);
        }
        return text.toString();
    }
}

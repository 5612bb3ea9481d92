package io.hearken.desk.board;

import java.util.Locale;

/**
 * How a {@link ComplaintSummary} packs its texts in one string (one string object per complaint instead of five):
 * the subject, the resident's name, phone and e-mail as written, then what only a search reads (the description,
 * then area and address, lower-cased); each part followed by a line break, so a search match never spans two.
 * {@code ends} are where the first four parts end, {@code placeAt} where the area starts, {@code absent} a bit per
 * first part that is null.
 */
record Texts(String text, int[] ends, int placeAt, byte absent) {

    static Texts of(String subject, String name, String phone, String email, String description, String area,
            String address) {
        StringBuilder text = new StringBuilder();
        byte absent = 0;
        int[] ends = new int[4];
        String[] shown = {subject, name, phone, email};
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] == null) {
                absent |= (byte) (1 << i);
            } else {
                text.append(shown[i]);
            }
            ends[i] = text.length();
            text.append('\n');
        }
        String words = lines(description);
        text.append(words).append(lines(area, address));
        return new Texts(text.toString(), ends, ends[3] + 1 + words.length(), absent);
    }

    /** The parts, each followed by a line break, lower-cased; "" when there are none. */
    static String lines(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null) {
                text.append(part).append('\n');
            }
        }
        return text.isEmpty() ? "" : text.toString().toLowerCase(Locale.ROOT);
    }
}

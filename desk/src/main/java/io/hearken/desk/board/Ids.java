package io.hearken.desk.board;

import io.hearken.events.ComplaintId;

/** A tracking id ({@code HK-7K2M-9QXD}: eight letters of a 32-letter alphabet) as a 40-bit number and back. */
final class Ids {

    private static final int[] LETTER = new int[128];

    static {
        java.util.Arrays.fill(LETTER, -1);
        for (int i = 0; i < ComplaintId.ALPHABET.length(); i++) {
            LETTER[ComplaintId.ALPHABET.charAt(i)] = i;
        }
    }

    private Ids() {
    }

    static long code(ComplaintId id) {
        String value = id.value();
        long code = 0;
        for (int i = 3; i < value.length(); i++) {
            if (i != 7) {
                code = code << 5 | LETTER[value.charAt(i)];
            }
        }
        return code;
    }

    static ComplaintId id(long code) {
        char[] value = "HK-0000-0000".toCharArray();
        for (int i = value.length - 1; i >= 3; i--) {
            if (i != 7) {
                value[i] = ComplaintId.ALPHABET.charAt((int) (code & 31));
                code >>>= 5;
            }
        }
        return new ComplaintId(new String(value));
    }
}

package io.hearken.events;

/**
 * How a resident reached us. OPEN311 requests arrive through the web channel's GeoReport endpoint. The last five
 * are complaints staff enter at the desk (on {@code intake.desk}): a visit to the front desk, a letter, a finding on
 * a patrol or inspection, a phone call taken outside the call centre, a note left on a notice board.
 */
public enum Channel {
    EMAIL, WEB, OPEN311, HOTLINE, WALK_IN, LETTER, PATROL, PHONE, NOTICE_BOARD;

    /** Entered by staff at the desk (the event's {@code by} names who). */
    public boolean enteredByStaff() {
        return switch (this) {
            case WALK_IN, LETTER, PATROL, PHONE, NOTICE_BOARD -> true;
            case EMAIL, WEB, OPEN311, HOTLINE -> false;
        };
    }

    /** The code people and APIs write: {@code walk-in}, {@code notice-board}, {@code email}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The channel for a code such as {@code walk-in} (or the constant's name); null when there is none. */
    public static Channel ofCode(String code) {
        if (code == null) {
            return null;
        }
        String name = code.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (Channel channel : values()) {
            if (channel.name().equals(name)) {
                return channel;
            }
        }
        return null;
    }
}

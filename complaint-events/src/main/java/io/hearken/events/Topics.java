package io.hearken.events;

import java.util.regex.Pattern;

/** Every topic name in one place. Each event is keyed by its complaint id. */
public final class Topics {

    /** Resident-side events from each channel: new complaints, follow-ups, feedback. */
    public static final String INTAKE_EMAIL = "intake.email";
    public static final String INTAKE_WEB = "intake.web";
    public static final String INTAKE_HOTLINE = "intake.hotline";
    /** Complaints staff enter at the desk (walk-in, letter, patrol, phone, notice board). */
    public static final String INTAKE_DESK = "intake.desk";
    /** The channel topics and any later channel, but not their dead-letter topics ({@code intake.web-dlt}). */
    public static final String INTAKE_PATTERN = "intake\\.[a-z0-9]+";

    /** One {@link ComplaintRouted} per routing decision (first routing and every re-routing). */
    public static final String ROUTED = "complaints.routed";
    /** Desk actions, SLA warnings and breaches, escalations, reopenings. */
    public static final String UPDATES = "complaints.updates";
    /**
     * Compacted: one {@link ComplaintSnapshot} per complaint (key = complaint id), written by the router in its
     * transaction. What the desk and the notifier rebuild from; it never expires.
     */
    public static final String STATE = "complaints.state";
    /**
     * Compacted: the data keys that seal residents' personal data in every other topic (key {@code owner/keyId}),
     * encrypted under the master key. A tombstone destroys one: crypto-shredding (docs/privacy.md).
     */
    public static final String PRIVACY_KEYS = "privacy.keys";
    /** The audit trail of erasures: who asked, when, which complaints; never the erased data. */
    public static final String ERASURES = "privacy.erasures";
    /** Every mail sent, skipped or given up by the notifier. */
    public static final String NOTIFICATIONS = "notifications";
    public static final String ASSIGNMENTS_PATTERN = "dept\\..+\\.assignments";

    /** Suffix spring-kafka's dead-letter publishing adds to a topic's name. */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    private static final Pattern DEPARTMENT_CODE = Pattern.compile("[a-z][a-z0-9-]{1,30}");

    private Topics() {
    }

    public static String intake(Channel channel) {
        return switch (channel) {
            case EMAIL -> INTAKE_EMAIL;
            case WEB, OPEN311 -> INTAKE_WEB;
            case HOTLINE -> INTAKE_HOTLINE;
            case WALK_IN, LETTER, PATROL, PHONE, NOTICE_BOARD -> INTAKE_DESK;
        };
    }

    /** The queue topic of one department, e.g. {@code dept.maintenance.assignments}. */
    public static String assignments(String departmentCode) {
        if (departmentCode == null || !DEPARTMENT_CODE.matcher(departmentCode).matches()) {
            throw new IllegalArgumentException("department code must be lower-case letters, digits and dashes: "
                    + departmentCode);
        }
        return "dept." + departmentCode + ".assignments";
    }
}

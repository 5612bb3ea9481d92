package io.hearken.intake.email.mime;

/**
 * What a bounce (RFC 3464 delivery status notification) says: the failed recipient, its status
 * ({@code 5.x.x} permanent, {@code 4.x.x} transient), and the headers of the mail that came back.
 */
public record DeliveryReport(String recipient, String action, String status, String diagnostic,
        String originalMessageId, String originalComplaintHeader, String originalReferences) {

    public boolean permanent() {
        return status != null ? status.strip().startsWith("5") : "failed".equalsIgnoreCase(action);
    }

    /** Everything of the original mail that may name a complaint. */
    public String originalIds() {
        return String.join(" ", nz(originalMessageId), nz(originalReferences));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

package io.hearken.intake.email.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

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

    /** The report with what a {@code message/delivery-status} part says (the first failure wins). */
    static DeliveryReport withStatus(DeliveryReport sofar, Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String recipient = null;
        String action = null;
        String status = null;
        String diagnostic = null;
        for (String line : new String(bytes, StandardCharsets.UTF_8).replace("\r", "").replaceAll("\n[ \t]+", " ").split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (name) {
                case "final-recipient", "original-recipient" -> {
                    if (recipient == null || name.equals("final-recipient")) {
                        recipient = value.contains(";") ? value.substring(value.indexOf(';') + 1).strip() : value;
                    }
                }
                case "action" -> action = action == null || value.equalsIgnoreCase("failed") ? value.toLowerCase(Locale.ROOT) : action;
                case "status" -> status = status == null || value.startsWith("5") ? value : status;
                case "diagnostic-code" -> diagnostic = diagnostic == null ? value : diagnostic;
                default -> { }
            }
        }
        if (recipient != null) {
            recipient = recipient.replaceAll("[<>]", "").strip().toLowerCase(Locale.ROOT);
        }
        DeliveryReport r = sofar == null ? new DeliveryReport(null, null, null, null, null, null, null) : sofar;
        return new DeliveryReport(recipient, action, status, diagnostic, r.originalMessageId(),
                r.originalComplaintHeader(), r.originalReferences());
    }

    /** The report with the headers of the mail that came back. */
    static DeliveryReport withOriginal(DeliveryReport sofar, InternetHeaders original) {
        DeliveryReport r = sofar == null ? new DeliveryReport(null, null, null, null, null, null, null) : sofar;
        return new DeliveryReport(r.recipient(), r.action(), r.status(), r.diagnostic(),
                MailReader.clean(original.getHeader("Message-ID", null)), MailReader.clean(original.getHeader("X-Hearken-Complaint", null)),
                MailReader.clean(original.getHeader("References", " ")));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

package io.hearken.notifier.delivery;

/** Who a notice is for: the resident (their contact, personal data) or a member of staff (an address). */
public record Recipient(Audience audience, String name, String email, String phone) {

    public enum Audience { RESIDENT, STAFF }

    public static Recipient staff(String email) {
        return new Recipient(Audience.STAFF, null, email, null);
    }

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    public boolean hasPhone() {
        return phone != null && !phone.isBlank();
    }

    public boolean isResident() {
        return audience == Audience.RESIDENT;
    }
}

package io.hearken.events;

/** Personal data: only the assigned department and the resident may see it in clear. Any part may be null. */
public record Contact(String name, String email, String phone) {

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    public boolean hasPhone() {
        return phone != null && !phone.isBlank();
    }
}

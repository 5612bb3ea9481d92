package io.hearken.analytics.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A resident named by one of their contacts: an e-mail address or a phone number (digits, spaces, dashes, brackets,
 * a leading +), as the erasure body {@code {"contact": ...}} and as the export's {@code ?contact=}.
 */
record ContactRequest(
        @NotBlank(message = REQUIRED)
        @Pattern(regexp = "\\s*|\\s*([^@\\s]+@[^@\\s]+\\.[^@\\s]+|\\+?[0-9][0-9 ()\\-]{5,22}[0-9])\\s*", message = MALFORMED)
        String contact) {

    static final String REQUIRED = "contact is required: the resident's e-mail address or phone number"
            + " / 请填写联系方式：居民的电子邮箱或电话号码";
    static final String MALFORMED = "contact must be an e-mail address or a phone number"
            + " / 联系方式须为电子邮箱或电话号码";
}

package io.hearken.intake.web.intake;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a resident submits through any web path (form, REST, Open311), before validation. Text stays
 * text: it is stored as typed and escaped wherever it is shown.
 */
public record ComplaintDraft(
        @Size(max = 100) String name,
        @Email @Size(max = 200) String email,
        @Pattern(regexp = "^[+0-9][0-9 ()\\-]{4,24}$") String phone,
        @Pattern(regexp = "(?i)owner|tenant|resident|business|student|staff|visitor|unknown") String residentType,
        @Size(max = 100) String building,
        @Size(max = 50) String unit,
        @Size(max = 200) String subject,
        @NotBlank @Size(max = 5000) String description,
        @Size(max = 40) String categoryHint,
        @Pattern(regexp = "(?i)zh|zh-CN|zh-Hans|en|en-.*") String language,
        Boolean consent) {

    /** An empty form field means "not given", not an invalid value. */
    public ComplaintDraft {
        name = blankToNull(name);
        email = blankToNull(email);
        phone = blankToNull(phone);
        residentType = blankToNull(residentType);
        building = blankToNull(building);
        unit = blankToNull(unit);
        subject = blankToNull(subject);
        categoryHint = blankToNull(categoryHint);
        language = blankToNull(language);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

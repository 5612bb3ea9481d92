package io.hearken.desk.entry;

import io.hearken.events.Channel;
import io.hearken.events.ResidentType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * A complaint as staff enter it (the API's body and the console's form): the web API's fields plus {@code channel}
 * ({@value #CHANNELS}). Checked by bean validation; the messages name the allowed values.
 */
public record NewComplaint(
        @NotNull(message = "{desk.entry.channel}") @Pattern(regexp = CHANNELS, message = "{desk.entry.channel}") String channel,
        @Size(max = 100) String name,
        @Email @Size(max = 200) String email,
        @Pattern(regexp = "^[+0-9][0-9 ()\\-]{4,24}$", message = "{desk.entry.phone}") String phone,
        @Pattern(regexp = "(?i)owner|tenant|student|staff|visitor|unknown", message = "{desk.entry.resident-type}") String residentType,
        @Size(max = 100) String building,
        @Size(max = 50) String unit,
        @Size(max = 100) String area,
        @Size(max = 200) String subject,
        @NotBlank @Size(max = 5000) String description,
        @Size(max = 40) String categoryHint,
        @Pattern(regexp = "(?i)zh|zh-CN|zh-Hans|en|en-.*", message = "{desk.entry.language}") String language) {

    public static final String CHANNELS = "walk-in|letter|patrol|phone|notice-board";

    /** A field left empty (a form's empty input) is absent, not a wrong value. */
    public NewComplaint {
        channel = absent(channel);
        name = absent(name);
        email = absent(email);
        phone = absent(phone);
        residentType = absent(residentType);
        building = absent(building);
        unit = absent(unit);
        area = absent(area);
        subject = absent(subject);
        categoryHint = absent(categoryHint);
        language = absent(language);
    }

    private static String absent(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public EnteringComplaint.Entry entry() {
        return new EnteringComplaint.Entry(Channel.ofCode(channel), name, email, phone,
                residentType == null || residentType.isBlank() ? null
                        : ResidentType.valueOf(residentType.strip().toUpperCase(Locale.ROOT)),
                building, unit, area, subject, description, categoryHint, language);
    }
}

package io.hearken.desk.console;

import io.hearken.desk.DeskProperties;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times and countdowns for the templates: {@code ${@deskTime.format(instant)}}. */
@Component("deskTime")
public class DeskTime {

    private final DateTimeFormatter format;
    private final String zone;

    DeskTime(DeskProperties properties) {
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(properties.timeZone());
        String id = properties.timeZone().normalized().getId();
        this.zone = "Z".equals(id) ? "UTC" : id;
    }

    /** The zone id the console's script formats times in, so a redraw shows what the server rendered. */
    public String zone() {
        return zone;
    }

    public String format(Instant instant) {
        return instant == null ? "" : format.format(instant);
    }

    /** {@code 1d 3h}, {@code 2h 05m}, {@code 7m}; with a minus sign once overdue. The console's script does the same. */
    public static String left(Long seconds) {
        if (seconds == null) {
            return "";
        }
        long s = Math.abs(seconds);
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        String text = days > 0 ? days + "d " + hours + "h" : hours > 0 ? hours + "h " + String.format("%02dm", minutes) : minutes + "m";
        return seconds < 0 ? "-" + text : text;
    }

    public String countdown(Long seconds) {
        return left(seconds);
    }
}

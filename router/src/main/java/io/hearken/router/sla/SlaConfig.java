package io.hearken.router.sla;

import io.hearken.events.Urgency;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the SLA YAML (format in docs/router.md) into a {@link SlaPolicy}. */
public final class SlaConfig {

    private SlaConfig() {
    }

    public static SlaPolicy defaults() {
        try (InputStream in = SlaConfig.class.getResourceAsStream("/io/hearken/router/sla.yml")) {
            return load(in, "classpath:io/hearken/router/sla.yml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SlaPolicy load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SLA file " + file + ": " + e.getMessage(), e);
        }
    }

    public static SlaPolicy load(InputStream in, String name) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(name + ": expected a mapping");
        }
        try {
            SlaPolicy defaults = SlaPolicy.defaults();
            BusinessCalendar calendar = calendar(map.get("business-hours"));
            Map<Urgency, SlaPolicy.Target> byUrgency = new EnumMap<>(defaults.byUrgency());
            byUrgency.putAll(targets(map.get("urgency"), defaults.byUrgency()));
            Map<String, Map<Urgency, SlaPolicy.Target>> byCategory = new LinkedHashMap<>();
            if (map.get("categories") instanceof Map<?, ?> cats) {
                cats.forEach((category, t) -> byCategory.put(String.valueOf(category), targets(t, byUrgency)));
            }
            double warnAt = map.get("warn-at") instanceof Number n ? n.doubleValue() : 0.8;
            if (warnAt <= 0 || warnAt >= 1) {
                throw new IllegalArgumentException("warn-at must be between 0 and 1");
            }
            return new SlaPolicy(byUrgency, byCategory, calendar, warnAt);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static Map<Urgency, SlaPolicy.Target> targets(Object node, Map<Urgency, SlaPolicy.Target> base) {
        Map<Urgency, SlaPolicy.Target> out = new EnumMap<>(Urgency.class);
        if (node instanceof Map<?, ?> m) {
            m.forEach((u, t) -> {
                Urgency urgency = Urgency.valueOf(String.valueOf(u).toUpperCase(Locale.ROOT));
                SlaPolicy.Target fallback = base.get(urgency);
                Map<?, ?> spec = t instanceof Map<?, ?> tm ? tm : Map.of();
                out.put(urgency, new SlaPolicy.Target(
                        duration(spec.get("first-response"), fallback.firstResponse()),
                        duration(spec.get("resolution"), fallback.resolution()),
                        spec.get("business-hours") instanceof Boolean b ? b : fallback.businessHours()));
            });
        }
        return out;
    }

    private static Duration duration(Object value, Duration fallback) {
        return value == null ? fallback : Duration.parse(String.valueOf(value));
    }

    private static String or(Object value, String fallback) {
        return value == null ? fallback : String.valueOf(value);
    }

    private static BusinessCalendar calendar(Object node) {
        if (!(node instanceof Map<?, ?> m)) {
            return BusinessCalendar.ALWAYS;
        }
        ZoneId zone = ZoneId.of(or(m.get("zone"), "Asia/Shanghai"));
        LocalTime start = LocalTime.parse(or(m.get("start"), "09:00"));
        LocalTime end = LocalTime.parse(or(m.get("end"), "18:00"));
        Set<DayOfWeek> days = new HashSet<>();
        Object d = m.get("days");
        for (Object day : d instanceof List<?> l ? l : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            days.add(DayOfWeek.valueOf(String.valueOf(day).toUpperCase(Locale.ROOT)));
        }
        Set<LocalDate> holidays = new HashSet<>();
        if (m.get("holidays") instanceof List<?> l) {
            for (Object h : l) {
                holidays.add(h instanceof java.util.Date date
                        ? date.toInstant().atZone(ZoneId.of("UTC")).toLocalDate() : LocalDate.parse(String.valueOf(h)));
            }
        }
        return BusinessCalendar.office(zone, start, end, days, holidays);
    }
}

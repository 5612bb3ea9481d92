package io.hearken.router.sla;

import io.hearken.events.Urgency;
import io.hearken.router.yaml.YamlFile;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the SLA YAML (format in docs/router.md) into a {@link SlaPolicy}. */
public final class SlaConfig {

    private SlaConfig() {
    }

    public static SlaPolicy defaults() {
        return of(YamlFile.shipped("/io/hearken/router/sla.yml", SlaFile.class));
    }

    public static SlaPolicy load(Path file) {
        return of(YamlFile.read(file, SlaFile.class));
    }

    /** The policy in {@code in}; {@code name} (the file) is what an error message names. */
    public static SlaPolicy load(InputStream in, String name) {
        return of(YamlFile.read(in, name, SlaFile.class));
    }

    private static SlaPolicy of(SlaFile file) {
        SlaPolicy defaults = SlaPolicy.defaults();
        Map<Urgency, SlaPolicy.Target> byUrgency = new EnumMap<>(defaults.byUrgency());
        byUrgency.putAll(targets(file.urgency(), defaults.byUrgency()));
        Map<String, Map<Urgency, SlaPolicy.Target>> byCategory = new LinkedHashMap<>();
        file.categories().forEach((category, targets) -> byCategory.put(category, targets(targets, byUrgency)));
        return new SlaPolicy(byUrgency, byCategory,
                file.businessHours() == null ? BusinessCalendar.ALWAYS : file.businessHours().calendar(),
                file.warnAt() == null ? defaults.warnAt() : file.warnAt());
    }

    private static Map<Urgency, SlaPolicy.Target> targets(Map<Urgency, SlaFile.Target> file, Map<Urgency, SlaPolicy.Target> base) {
        Map<Urgency, SlaPolicy.Target> out = new EnumMap<>(Urgency.class);
        if (file != null) {
            file.forEach((urgency, target) -> out.put(urgency,
                    (target == null ? new SlaFile.Target(null, null, null) : target).over(base.get(urgency))));
        }
        return out;
    }
}

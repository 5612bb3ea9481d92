package io.hearken.router.sla;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and checks one year's calendar file (format in docs/router.md). Every problem found is reported
 * at once, each with the file and line, so an operator fixes a file in one go.
 */
public final class HolidayFile {

    private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.ya?ml");

    private final String file;
    private final List<String> problems = new ArrayList<>();
    /** Each holiday date with the entry that claimed it, to name both sides of an overlap. */
    private final Map<LocalDate, String> claimed = new HashMap<>();

    private HolidayFile(String file) {
        this.file = file;
    }

    /** The year in {@code in}; {@link CalendarFileException} listing every problem otherwise. */
    public static HolidayYear read(InputStream in, String file) {
        HolidayFile reader = new HolidayFile(file);
        HolidayYear year = reader.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        if (!reader.problems.isEmpty()) {
            throw new CalendarFileException(reader.problems);
        }
        return year;
    }

    private HolidayYear parse(Reader reader) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (YAMLException e) {
            problems.add(file + ": not valid YAML: " + e.getMessage());
            return null;
        }
        if (!(root instanceof MappingNode map)) {
            problems.add(file + ": expected a mapping with year, holidays and make-up-days");
            return null;
        }
        Map<String, Node> top = fields(map, List.of("year", "source", "weekend", "holidays", "make-up-days"));
        Integer year = year(top.get("year"), root);
        if (year == null) {
            return null;
        }
        Set<DayOfWeek> weekend = weekend(top.get("weekend"));
        Map<LocalDate, HolidayYear.Name> holidays = holidays(top.get("holidays"), year);
        Map<LocalDate, HolidayYear.Name> makeUp = makeUpDays(top.get("make-up-days"), year, weekend, holidays);
        String source = top.get("source") instanceof ScalarNode s ? s.getValue() : null;
        return new HolidayYear(year, file, source, weekend, holidays, makeUp);
    }

    private Integer year(Node node, Node root) {
        if (!(node instanceof ScalarNode s) || !s.getValue().matches("\\d{4}")) {
            problem(node == null ? root : node, "'year' is missing or not a four-digit year");
            return null;
        }
        int year = Integer.parseInt(s.getValue());
        Matcher named = YEAR_FILE.matcher(Path.of(file.replaceFirst("^classpath:", "")).getFileName().toString());
        if (named.matches() && Integer.parseInt(named.group(1)) != year) {
            problem(node, "the file is named for " + named.group(1) + " but says year " + year);
        }
        return year;
    }

    private Set<DayOfWeek> weekend(Node node) {
        if (node == null) {
            return HolidayYear.SATURDAY_SUNDAY;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Node day : items(node, "weekend")) {
            try {
                days.add(DayOfWeek.valueOf(scalar(day).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problem(day, "'" + scalar(day) + "' is not a day of the week (MONDAY … SUNDAY)");
            }
        }
        return days;
    }

    private Map<LocalDate, HolidayYear.Name> holidays(Node node, int year) {
        Map<LocalDate, HolidayYear.Name> out = new HashMap<>();
        for (Node entry : items(node, "holidays")) {
            if (!(entry instanceof MappingNode m)) {
                problem(entry, "a holiday is a mapping: {date: yyyy-mm-dd, zh: …, en: …} or {from: …, to: …, zh: …, en: …}");
                continue;
            }
            Map<String, Node> f = fields(m, List.of("date", "from", "to", "zh", "en"));
            HolidayYear.Name name = name(f, entry);
            String label = "holiday " + name + " (line " + line(entry) + ")";
            if (f.containsKey("date") == (f.containsKey("from") || f.containsKey("to"))) {
                problem(entry, "holiday " + name + ": give either 'date' or both 'from' and 'to'");
                continue;
            }
            LocalDate from = date(f.containsKey("date") ? f.get("date") : f.get("from"), year, "holiday " + name);
            LocalDate to = f.containsKey("date") ? from : date(f.get("to"), year, "holiday " + name);
            if (from == null || to == null) {
                continue;
            }
            if (to.isBefore(from)) {
                problem(entry, "holiday " + name + ": 'to' " + to + " is before 'from' " + from);
                continue;
            }
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                String other = claimed.putIfAbsent(d, label);
                if (other != null) {
                    problem(entry, "holiday " + name + " overlaps " + other + " on " + d);
                    break;
                }
                out.put(d, name);
            }
        }
        return out;
    }

    private Map<LocalDate, HolidayYear.Name> makeUpDays(Node node, int year, Set<DayOfWeek> weekend,
            Map<LocalDate, HolidayYear.Name> holidays) {
        Map<LocalDate, HolidayYear.Name> out = new HashMap<>();
        for (Node entry : items(node, "make-up-days")) {
            Map<String, Node> f = entry instanceof MappingNode m ? fields(m, List.of("date", "zh", "en")) : Map.of("date", entry);
            HolidayYear.Name name = f.containsKey("zh") || f.containsKey("en") ? name(f, entry) : null;
            LocalDate day = date(f.get("date") == null ? entry : f.get("date"), year, "make-up day");
            if (day == null) {
                continue;
            }
            if (!weekend.contains(day.getDayOfWeek())) {
                problem(entry, "make-up day " + day + " is a " + day.getDayOfWeek() + ", not a weekend day " + new TreeSet<>(weekend)
                        + ": it is a working day anyway");
            } else if (holidays.containsKey(day)) {
                problem(entry, "make-up day " + day + " is also a holiday (" + claimed.get(day) + ")");
            } else if (out.put(day, name == null ? new HolidayYear.Name("调休上班", "make-up working day") : name) != null) {
                problem(entry, "make-up day " + day + " is listed twice");
            }
        }
        return out;
    }

    private HolidayYear.Name name(Map<String, Node> f, Node entry) {
        String zh = f.get("zh") instanceof ScalarNode s ? s.getValue() : null;
        String en = f.get("en") instanceof ScalarNode s ? s.getValue() : null;
        if (zh == null && en == null) {
            problem(entry, "an entry needs a name: 'zh', 'en' or both");
            return new HolidayYear.Name(null, "(unnamed)");
        }
        return new HolidayYear.Name(zh, en);
    }

    private LocalDate date(Node node, int year, String what) {
        String text = scalar(node);
        try {
            LocalDate day = LocalDate.parse(text);
            if (day.getYear() != year) {
                problem(node, what + ": " + day + " is outside the file's year " + year);
                return null;
            }
            return day;
        } catch (DateTimeException e) {
            problem(node, what + ": '" + text + "' is not a date (yyyy-mm-dd)");
            return null;
        }
    }

    private List<Node> items(Node node, String key) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        problem(node, "'" + key + "' must be a list");
        return List.of();
    }

    /** The mapping's entries by key; an unknown key (often a typo) is a problem. */
    private Map<String, Node> fields(MappingNode map, List<String> known) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            if (!known.contains(key)) {
                problem(t.getKeyNode(), "unknown key '" + key + "' (expected one of " + known + ")");
            } else {
                out.put(key, t.getValueNode());
            }
        }
        return out;
    }

    private String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : String.valueOf(node == null ? null : node.getNodeId());
    }

    private void problem(Node node, String text) {
        problems.add(file + " line " + line(node) + ": " + text);
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}

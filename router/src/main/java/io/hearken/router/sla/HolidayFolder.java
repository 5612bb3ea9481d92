package io.hearken.router.sla;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** An operator's folder of calendar files, one year each ({@code hearken.router.sla-calendar.dir}). */
public final class HolidayFolder {

    private HolidayFolder() {
    }

    /** Every {@code *.yml} / {@code *.yaml} in {@code dir}, one year each; problems of all files together. */
    public static List<HolidayYear> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CalendarFileException(List.of(dir + ": the calendar folder does not exist or is not a folder"));
        }
        List<String> problems = new ArrayList<>();
        Map<Integer, HolidayYear> years = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path path : files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(path)) {
                    HolidayYear year = HolidayFile.read(in, path.toString());
                    HolidayYear twin = years.putIfAbsent(year.year(), year);
                    if (twin != null) {
                        problems.add(path + ": year " + year.year() + " is also in " + twin.file());
                    }
                } catch (CalendarFileException e) {
                    problems.addAll(e.problems());
                }
            }
        } catch (IOException e) {
            problems.add(dir + ": cannot read the calendar folder: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new CalendarFileException(problems);
        }
        return List.copyOf(years.values());
    }
}

package io.hearken.router.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads {@code text,label} CSV (UTF-8, header row, RFC 4180 quoting; other columns are ignored). */
public final class LabelledCsv {

    private LabelledCsv() {
    }

    public static List<LabelledText> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static List<LabelledText> read(InputStream in, String name) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            if (!parser.getHeaderMap().containsKey("text") || !parser.getHeaderMap().containsKey("label")) {
                throw new IllegalArgumentException(name + ": the header must name the columns 'text' and 'label', found "
                        + parser.getHeaderNames());
            }
            List<LabelledText> rows = new ArrayList<>();
            for (CSVRecord row : parser) {
                String text = row.isSet("text") ? row.get("text") : "";
                String label = row.isSet("label") ? row.get("label") : "";
                if (text.isBlank() || label.isBlank()) {
                    throw new IllegalArgumentException(name + " line " + parser.getCurrentLineNumber()
                            + ": text and label must not be empty");
                }
                rows.add(new LabelledText(text, label));
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(name + ": no rows");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}

package io.hearken.router.classification;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@code text,label} CSV: UTF-8 (a byte-order mark, as Excel writes, is skipped), a header row,
 * RFC 4180 quoting. Header names are matched ignoring case and surrounding spaces; other columns are
 * ignored. Anything else is an {@link IllegalArgumentException} that names the file and the row.
 */
public final class LabelledCsv {

    private LabelledCsv() {
    }

    public static List<LabelledText> read(Path file) {
        return read(file, "label");
    }

    /** The labels from another column, e.g. {@code urgency}. */
    public static List<LabelledText> read(Path file, String labelColumn) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a folder, not a CSV file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), labelColumn);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static List<LabelledText> read(InputStream in, String name) {
        return read(in, name, "label");
    }

    public static List<LabelledText> read(InputStream in, String name, String labelColumn) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
        // Strict decoding: a file saved as GBK would otherwise train on replacement characters.
        try (Reader reader = new InputStreamReader(withoutBom(in), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new IllegalArgumentException(name + " is empty: the first line must be a header naming the columns text and "
                        + labelColumn);
            }
            int text = column(header, "text", name);
            int label = column(header, labelColumn, name);
            List<LabelledText> rows = new ArrayList<>();
            for (CSVRecord row : parser) {
                String t = row.size() > text ? row.get(text) : "";
                String l = row.size() > label ? row.get(label) : "";
                if (t.isBlank() && l.isBlank() && row.size() <= 1) {
                    continue; // a line of only spaces or a lone comma
                }
                if (t.isBlank() || l.isBlank()) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "%s row %d (line %d): the %s is empty",
                            name, row.getRecordNumber(), row.getRecordNumber() + 1 + extraLines(rows),
                            t.isBlank() && l.isBlank() ? "text and the label are" : t.isBlank() ? "text" : "label"));
                }
                rows.add(new LabelledText(t, l));
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(name + " has a header but no rows");
            }
            return rows;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(name + " is not UTF-8 text (saved as GBK or ANSI?): save it as \"CSV UTF-8\"");
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof CharacterCodingException) {
                throw new IllegalArgumentException(name + " is not UTF-8 text (saved as GBK or ANSI?): save it as \"CSV UTF-8\"");
            }
            throw new IllegalArgumentException(name + " is not valid CSV: " + cause.getMessage()
                    + " (a text with commas, quotes or line breaks must be in double quotes, a quote inside doubled: \"\")");
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(name + " is not valid CSV: " + e.getMessage());
        }
    }

    private static int column(List<String> header, String wanted, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i) != null && header.get(i).strip().equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + ": the header has no column '" + wanted + "' (found: "
                + String.join(", ", header) + "); it must name the columns text and " + (wanted.equals("text") ? "label" : wanted));
    }

    /** Lines taken by line breaks inside quoted texts so far, so the reported line is the file's. */
    private static long extraLines(List<LabelledText> rows) {
        long extra = 0;
        for (LabelledText r : rows) {
            extra += r.text().chars().filter(c -> c == '\n').count() + r.label().chars().filter(c -> c == '\n').count();
        }
        return extra;
    }

    private static InputStream withoutBom(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(3);
        byte[] head = buffered.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }
}

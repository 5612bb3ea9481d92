package io.hearken.intake.hotline.parsing;

import io.hearken.intake.hotline.call.Call;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A CSV export: a header row naming the columns in any order (unknown columns are ignored), one call per
 * row. A bad row becomes a problem with its line; the rows around it still count. A row cut short (a
 * truncated file) or a quote never closed ends the reading with a problem at that line.
 */
final class CsvTranscripts {

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true)
            .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();

    private CsvTranscripts() {
    }

    static void read(String text, ZoneId zone, Results out) {
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            out.problem(1, null, "表头无法读取 / the header row cannot be read: " + e.getMessage());
            return;
        }
        try (parser) {
            List<String> header = parser.getHeaderNames();
            Map<Integer, String> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                int index = i;
                CallFields.canonical(header.get(i)).ifPresent(name -> columns.putIfAbsent(index, name));
            }
            if (!columns.containsValue(CallFields.CALL_ID)) {
                out.problem(1, null, "表头缺少 call_id 列 / the header row has no call_id column: " + header);
                return;
            }
            if (!columns.containsValue(CallFields.SUMMARY) && !columns.containsValue(CallFields.TRANSCRIPT)) {
                out.problem(1, null, "表头缺少 summary 或 transcript 列 / the header row has neither a summary nor a "
                        + "transcript column: " + header);
                return;
            }
            Lines lines = new Lines(text);
            long previousEnd = parser.getCurrentLineNumber();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    out.problem((int) previousEnd + 1, null, "文件在此处截断或引号未闭合 / the file is truncated or a "
                            + "quote is never closed here: " + rootMessage(e));
                    break;
                }
                previousEnd = parser.getCurrentLineNumber();
                if (record.stream().allMatch(v -> v == null || v.isBlank())) {
                    continue; // spreadsheet exports end with rows of bare commas: nothing to report
                }
                row(record, lines.at(record.getCharacterPosition()), header.size(), columns, zone, out);
            }
        } catch (IOException e) {
            out.problem(0, null, "CSV 无法读取 / the CSV cannot be read: " + e.getMessage());
        }
    }

    private static void row(CSVRecord record, int line, int headerSize, Map<Integer, String> columns, ZoneId zone,
            Results out) {
        Map<String, String> values = new HashMap<>();
        columns.forEach((index, name) -> {
            if (index < record.size()) {
                values.put(name, record.get(index));
            }
        });
        String callId = values.get(CallFields.CALL_ID);
        if (record.size() != headerSize) {
            out.problem(line, blankToNull(callId), "这一行有 " + record.size() + " 列，表头有 " + headerSize
                    + " 列（文件截断？） / the row has " + record.size() + " columns, the header " + headerSize
                    + " (truncated file?)");
            return;
        }
        try {
            Call call = CallFields.toCall(line, values, null, zone, out.limits);
            out.call(call);
        } catch (IllegalArgumentException e) {
            out.problem(line, blankToNull(callId), e.getMessage());
        }
    }

    /**
     * The line a record starts on. The parser's position of a record lies before the blank lines it skipped,
     * and its line counter is at the record's end (a quoted field may span lines), so count from the text.
     */
    private static final class Lines {

        private final String text;
        private int cursor;
        private int line = 1;

        Lines(String text) {
            this.text = text;
        }

        int at(long position) {
            int target = (int) Math.min(position, text.length());
            for (; cursor < target; cursor++) {
                if (text.charAt(cursor) == '\n') {
                    line++;
                }
            }
            int start = line;
            for (int i = cursor; i < text.length() && Character.isWhitespace(text.charAt(i)); i++) {
                if (text.charAt(i) == '\n') {
                    start++;
                }
            }
            return start;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}

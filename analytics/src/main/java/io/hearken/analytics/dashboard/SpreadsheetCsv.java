package io.hearken.analytics.dashboard;

import java.io.IOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV the dashboard exports (monthly summary, training set): RFC 4180 with CRLF, written by Commons CSV. Text
 * cells are {@link #neutralised} first, since these files are opened in spreadsheet programs.
 */
final class SpreadsheetCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private SpreadsheetCsv() {
    }

    /** A printer onto {@code out} that has written the header; flush it, and close {@code out} where it was opened. */
    static CSVPrinter printer(Appendable out, String... header) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        printer.printRecord((Object[]) header);
        return printer;
    }

    /** A leading = + - @ gets a {@code '} so a spreadsheet never runs the text as a formula (a lone "-" stays). */
    static String neutralised(String s) {
        return s != null && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.equals("-") ? "'" + s : s;
    }

    /** One text cell as it is written: neutralised, quoted where needed. */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        try {
            FORMAT.print(neutralised(s), out, true);
        } catch (IOException cannot) {
            throw new IllegalStateException(cannot);
        }
        return out.toString();
    }
}

package io.hearken.intake.hotline.parsing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * A transcript file cut into the text of its calls, exactly as written, so that calls can be taken out and the rest
 * written back unchanged (an erasure). Cut the way the readers read: a CSV record (from where it starts to where
 * the next starts), an element of the JSON array, a block of the text format between {@code ---} lines. What a
 * reader cannot make sense of (a truncated end) is one more block, so it is judged and dropped like a call.
 *
 * @param prefix    before the first call (the CSV header row, the JSON {@code [})
 * @param calls     the text of each call
 * @param separator put between two kept calls (the JSON comma, the text format's {@code ---} line)
 * @param suffix    after the last call (the JSON {@code ]})
 */
public record TranscriptBlocks(String prefix, List<String> calls, String separator, String suffix) {

    private static final Pattern SEPARATOR = Pattern.compile("(?m)^[ \\t\\x0B\\f]*-{3,}[ \\t\\x0B\\f]*(\\r\\n|\\r|\\n|$)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public TranscriptBlocks {
        calls = List.copyOf(calls);
    }

    /** A file no reader can cut (a header that cannot be read) is one block: judged, and dropped, as a whole. */
    public static TranscriptBlocks of(String text, TranscriptFormat format) {
        TranscriptBlocks blocks = switch (format) {
            case CSV -> csv(text);
            case JSON -> json(text);
            case TEXT -> text(text);
        };
        return blocks.calls().isEmpty() ? whole(text) : blocks;
    }

    /** The file as one block, for a format no reader knows. */
    public static TranscriptBlocks whole(String text) {
        return new TranscriptBlocks("", List.of(text), "", "");
    }

    /** The file without the calls {@code drop} picks; {@code null} when no call is left. */
    public String without(Predicate<String> drop) {
        List<String> kept = calls.stream().filter(drop.negate()).toList();
        return kept.stream().allMatch(String::isBlank) ? null : prefix + String.join(separator, kept) + suffix;
    }

    /** A block alone as a file of its format, for the readers ({@link Transcripts#parse}) to name its call. */
    public String alone(String call, TranscriptFormat format) {
        return format == TranscriptFormat.CSV ? prefix + call : call;
    }

    private static TranscriptBlocks csv(String text) {
        List<Integer> starts = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(CsvTranscripts.FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                starts.add((int) Math.min(records.next().getCharacterPosition(), text.length()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // a truncated end: it stays with the last record read, and is judged with it
        }
        if (starts.isEmpty()) {
            return new TranscriptBlocks(text, List.of(), "", "");
        }
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            calls.add(text.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length()));
        }
        return new TranscriptBlocks(text.substring(0, starts.get(0)), calls, "", "");
    }

    private static TranscriptBlocks json(String text) {
        List<int[]> spans = new ArrayList<>();
        int end = text.length();
        boolean array = false;
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY) {
                array = true;
                int from = -1;
                try {
                    while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                        from = (int) parser.currentTokenLocation().getCharOffset();
                        parser.skipChildren();
                        spans.add(new int[] {from, (int) parser.currentLocation().getCharOffset()});
                        from = -1;
                    }
                } catch (JacksonException truncated) {
                    int last = spans.isEmpty() ? -1 : spans.get(spans.size() - 1)[1];
                    spans.add(new int[] {from >= 0 ? from : Math.max(last, text.indexOf('[') + 1), end});
                }
            }
        } catch (JacksonException e) {
            // not even a start: the whole file is one block below
        }
        if (!array) {
            return whole(text); // one call object (or nothing readable)
        }
        if (spans.isEmpty()) {
            return new TranscriptBlocks(text, List.of(), "", "");
        }
        List<String> calls = spans.stream().map(s -> text.substring(s[0], Math.min(s[1], end))).toList();
        String separator = spans.size() > 1 ? text.substring(spans.get(0)[1], spans.get(1)[0]) : ",\n";
        int last = Math.min(spans.get(spans.size() - 1)[1], end);
        return new TranscriptBlocks(text.substring(0, spans.get(0)[0]), calls, separator, text.substring(last));
    }

    private static TranscriptBlocks text(String text) {
        List<String> calls = new ArrayList<>();
        String separator = null;
        int from = 0;
        Matcher m = SEPARATOR.matcher(text);
        while (m.find()) {
            calls.add(text.substring(from, m.start()));
            separator = separator == null ? m.group() : separator;
            from = m.end();
        }
        calls.add(text.substring(from));
        return new TranscriptBlocks("", calls, separator == null ? "---\n" : separator, "");
    }
}

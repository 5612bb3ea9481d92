package io.hearken.router.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads an operator's YAML file (rules, routing table, SLA) into the record that mirrors its shape. Only the
 * declared records are made (no YAML tags, no default typing), and a file that does not fit is refused with a
 * {@link YamlFileException} naming the file, the line and the key.
 */
public final class YamlFile {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            // A typo'd key must not silently drop a rule, nor a repeated key silently replace the first.
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Files written before said urgent / monday as well as URGENT / MONDAY.
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            // A duration is written PT1H: a bare 3600 is refused, not taken as seconds.
            .addModule(new SimpleModule().addDeserializer(Duration.class, new IsoDuration()))
            .build();

    private YamlFile() {
    }

    public static <T> T read(Path file, Class<T> type) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A file in the router's jar, e.g. {@code /io/hearken/router/sla.yml}. */
    public static <T> T shipped(String resource, Class<T> type) {
        try (InputStream in = YamlFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath:" + resource.substring(1) + " is missing from the jar");
            }
            return read(in, "classpath:" + resource.substring(1), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code name} is what the messages call the file (its path). */
    public static <T> T read(InputStream in, String name, Class<T> type) {
        byte[] yaml;
        try {
            yaml = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
        try (JsonParser parser = YAML.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                throw new YamlFileException(name + " is empty: it needs at least one of its sections (see docs/router.md)");
            }
            return YAML.readValue(parser, type);
        } catch (JacksonException e) {
            throw new YamlFileException(name, e, where(yaml, e));
        }
    }

    /**
     * Jackson reports an unknown key, or an entry a record refused, where the record's mapping ends (a record is
     * made once all its keys are read); an operator needs the line of the key or the entry, so look it up.
     */
    private static TokenStreamLocation where(byte[] yaml, JacksonException e) {
        if (!(e instanceof UnrecognizedPropertyException || e instanceof ValueInstantiationException)) {
            return e.getLocation();
        }
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            String segment = r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex());
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        try (JsonParser parser = YAML.createParser(yaml)) {
            while (parser.nextToken() != null) {
                if (parser.streamReadContext().pathAsPointer().toString().contentEquals(pointer)) {
                    return parser.currentTokenLocation();
                }
            }
        } catch (JacksonException unreadable) {
            // Jackson's own location, then.
        }
        return e.getLocation();
    }

    /** Durations only as ISO-8601 text: Jackson's own reads a bare 24 as 24 seconds, where an operator meant hours. */
    private static final class IsoDuration extends StdScalarDeserializer<Duration> {
        IsoDuration() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = p.currentToken().isScalarValue() ? p.getString() : null;
            if (text == null) {
                return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
            }
            try {
                return Duration.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw ctxt.weirdStringException(text, Duration.class, e.getMessage());
            }
        }
    }
}

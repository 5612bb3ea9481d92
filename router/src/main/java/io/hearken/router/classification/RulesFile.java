package io.hearken.router.classification;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hearken.events.ResidentType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/** The shape of {@code rules.yml} (docs/router.md, "Rules YAML"), one record per level; absent sections are null. */
record RulesFile(Map<String, Words> categories, Urgency urgency, Words impact, Sentiment sentiment,
        @JsonProperty("customer-type") CustomerType customerType) {

    record Urgency(Urgent urgent, Words ignore, Words negations, Words low, Words problem) {
    }

    record Sentiment(Words angry, Words annoyed, Words intensifiers, Words repeated, Words again, Words distressed,
            Words vulnerable, Words hardship, Words negations) {
    }

    /** The first type whose wording matches wins: a LinkedHashMap keeps the file's order (a plain Map is an EnumMap). */
    record CustomerType(LinkedHashMap<ResidentType, Words> wording, @JsonProperty("business-impact") Words businessImpact) {
    }

    /** Keywords and patterns: a plain list (keywords) or a mapping with {@code keywords} and {@code patterns}. */
    @JsonDeserialize(using = Words.Reader.class)
    record Words(List<String> keywords, List<String> patterns) {

        static final Words NONE = new Words(List.of(), List.of());

        static List<ClassificationRules.Matcher> matchersOf(Words words) {
            return (words == null ? NONE : words).matchers();
        }

        List<ClassificationRules.Matcher> matchers() {
            List<ClassificationRules.Matcher> out = new ArrayList<>();
            for (String keyword : keywords == null ? List.<String>of() : keywords) {
                String word = TextFeatures.normalize(String.valueOf(keyword)).strip();
                if (!word.isEmpty()) {
                    // Latin keywords match whole words ("fire" not in "firefox"); Han ones anywhere.
                    String regex = word.codePoints().anyMatch(Character::isIdeographic) ? Pattern.quote(word)
                            : "(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])";
                    out.add(new ClassificationRules.Matcher(word, Pattern.compile(regex), List.of(List.of(word))));
                }
            }
            for (String pattern : patterns == null ? List.<String>of() : patterns) {
                Pattern compiled = compile(pattern);
                // A literal is looked for as written: only in a pattern matched without case folding.
                out.add(new ClassificationRules.Matcher(pattern, compiled,
                        compiled.flags() == 0 ? RequiredText.of(pattern) : List.of()));
            }
            return out;
        }

        /**
         * Texts are lower-cased before matching, so a pattern without capitals needs no case folding, which costs a
         * case conversion per character tried; one with capitals (also escapes such as \S) keeps it.
         */
        private static Pattern compile(String pattern) {
            try {
                return pattern.equals(pattern.toLowerCase(Locale.ROOT)) ? Pattern.compile(pattern)
                        : Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("bad pattern " + pattern + ": " + e.getDescription(), e);
            }
        }

        /** The mapping form; its constructor checks the patterns so that a bad one is reported at its line. */
        record Mapping(List<String> keywords, List<String> patterns) {
            Mapping {
                if (patterns != null) {
                    patterns.forEach(Words::compile);
                }
            }
        }

        static final class Reader extends ValueDeserializer<Words> {
            @Override
            public Words deserialize(JsonParser p, DeserializationContext ctxt) {
                if (p.isExpectedStartArrayToken() || p.currentToken().isScalarValue()) { // a scalar: "should be a list"
                    return new Words(ctxt.readValue(p, ctxt.getTypeFactory().constructCollectionType(List.class, String.class)), null);
                }
                Mapping m = ctxt.readValue(p, Mapping.class);
                return new Words(m.keywords(), m.patterns());
            }
        }
    }

    /** {@code urgent}: words (a list or keywords/patterns), or one such entry per situation (gas, fire, ...). */
    @JsonDeserialize(using = Urgent.Reader.class)
    record Urgent(Map<String, Words> situations) {

        static final class Reader extends ValueDeserializer<Urgent> {
            @Override
            public Urgent deserialize(JsonParser p, DeserializationContext ctxt) {
                if (p.isExpectedStartObjectToken()) {
                    JsonToken first = p.nextToken();
                    boolean words = first == JsonToken.PROPERTY_NAME && List.of("keywords", "patterns").contains(p.currentName());
                    if (!words) {
                        return new Urgent(ctxt.readValue(p,
                                ctxt.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Words.class)));
                    }
                }
                return new Urgent(Map.of("urgent", ctxt.readValue(p, Words.class)));
            }
        }
    }
}

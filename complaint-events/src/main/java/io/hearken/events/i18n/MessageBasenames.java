package io.hearken.events.i18n;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bundles every module on the classpath declares: one basename a line in {@code META-INF/hearken/messages}
 * of its jar ({@code #} starts a comment). A file rather than beans: the message source is made before any
 * other bean, and the all-in-one simply sees every module's file.
 */
public final class MessageBasenames {

    public static final String DECLARATIONS = "META-INF/hearken/messages";

    private MessageBasenames() {
    }

    public static List<String> declared(ClassLoader loader) {
        Set<String> basenames = new LinkedHashSet<>();
        try {
            for (URL url : Collections.list(loader.getResources(DECLARATIONS))) {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                            .forEach(basenames::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DECLARATIONS, e);
        }
        return new ArrayList<>(basenames);
    }
}

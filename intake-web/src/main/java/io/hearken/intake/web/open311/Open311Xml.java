package io.hearken.intake.web.open311;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The GeoReport v2 XML shapes, written by hand: they are flat and few, and a Jackson XML module on the
 * class path would make every other module's REST endpoint answer XML to browsers.
 */
final class Open311Xml {

    private Open311Xml() {
    }

    /** {@code <root><item>…fields…</item>…</root>}. */
    static String list(String root, String item, List<Map<String, Object>> rows) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<").append(root).append('>');
        for (Map<String, Object> row : rows) {
            element(xml, item, row);
        }
        return xml.append("</").append(root).append(">\n").toString();
    }

    /** {@code <root>…fields…</root>}. */
    static String single(String root, Map<String, Object> fields) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        element(xml, root, fields);
        return xml.append('\n').toString();
    }

    @SuppressWarnings("unchecked")
    private static void element(StringBuilder xml, String name, Object value) {
        if (value == null) {
            xml.append('<').append(name).append("/>");
            return;
        }
        xml.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> element(xml, (String) k, v));
        } else if (value instanceof Collection<?> items) {
            // <keywords>a,b</keywords> is a string; lists of objects nest as <attribute> etc.
            String child = name.endsWith("s") ? name.substring(0, name.length() - 1) : "item";
            items.forEach(i -> element(xml, child, i));
        } else {
            escape(xml, String.valueOf(value));
        }
        xml.append("</").append(name).append('>');
    }

    static void escape(StringBuilder xml, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '&' -> xml.append("&amp;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        xml.append(c);
                    }
                }
            }
        }
    }
}

package io.hearken.intake.web.open311;

import java.io.StringWriter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The GeoReport v2 XML shapes, written with StAX: they are flat and few, and a Jackson XML module on the class path
 * would make every other module's REST endpoint answer XML to browsers.
 */
final class Open311Xml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private Open311Xml() {
    }

    /** {@code <root><item>…fields…</item>…</root>}. */
    static String list(String root, String item, List<Map<String, Object>> rows) {
        return document(xml -> {
            xml.writeStartElement(root);
            for (Map<String, Object> row : rows) {
                element(xml, item, row);
            }
            xml.writeEndElement();
        });
    }

    /** {@code <root>…fields…</root>}. */
    static String single(String root, Map<String, Object> fields) {
        return document(xml -> element(xml, root, fields));
    }

    private interface Body {
        void writeTo(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static String document(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("utf-8", "1.0");
            xml.writeCharacters("\n");
            body.writeTo(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Open311 XML not written", e);
        }
        return out.append('\n').toString();
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> field : map.entrySet()) {
                element(xml, (String) field.getKey(), field.getValue());
            }
        } else if (value instanceof Collection<?> items) {
            // <keywords>a,b</keywords> is a string; lists of objects nest as <attribute> etc.
            String child = name.endsWith("s") ? name.substring(0, name.length() - 1) : "item";
            for (Object i : items) {
                element(xml, child, i);
            }
        } else {
            text(xml, String.valueOf(value));
        }
        xml.writeEndElement();
    }

    /**
     * StAX escapes {@code < > &}; quotes are written as entities too, as this API always answered, and the control
     * characters XML 1.0 cannot carry are dropped.
     */
    private static void text(XMLStreamWriter xml, String text) throws XMLStreamException {
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                xml.writeCharacters(run.toString());
                run.setLength(0);
                xml.writeEntityRef(c == '"' ? "quot" : "apos");
            } else if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                run.append(c);
            }
        }
        xml.writeCharacters(run.toString());
    }
}

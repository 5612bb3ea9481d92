package io.hearken.intake.email.mime;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** HTML-only mail (Apple Mail, webmail, Outlook) to the clean text a department reads. */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "table", "ul", "ol", "section", "article", "header", "footer", "hr", "dd", "dt");

    private HtmlText() {
    }

    /**
     * @param dropQuotes leave out quoted history (Gmail's {@code gmail_quote}, Apple's {@code type=cite},
     *                   Outlook's reply separator) — for follow-ups, where it repeats what we already have
     */
    public static String toText(String html, boolean dropQuotes) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, title, noscript, template").remove();
        if (dropQuotes) {
            doc.select("blockquote[type=cite], .gmail_quote, .gmail_extra, #divRplyFwdMsg, #appendonsend, "
                    + "div#mail-editor-reference-message-container, .yahoo_quoted, #isForwardContent").remove();
        }
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.text().replace('\u00a0', ' '));
                } else if (node instanceof Element e && e.normalName().equals("br")) {
                    out.append('\n');
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    newline(out);
                    if (e.normalName().equals("li")) {
                        out.append("- ");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !e.normalName().equals("br")) {
                    newline(out);
                } else if (node instanceof Element e && (e.normalName().equals("td") || e.normalName().equals("th"))) {
                    out.append(' ');
                }
            }
        }, doc.body() != null ? doc.body() : doc);
        return Texts.tidy(out.toString());
    }

    /** A block starts or ends a line, without adding empty lines (a {@code <br>} does that). */
    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}

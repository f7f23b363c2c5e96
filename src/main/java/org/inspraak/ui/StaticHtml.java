package org.inspraak.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Read-only parts of a page as one Vaadin node. Every server-side element costs a session about 0.7 KB for as long
 * as the page is open, so text that never changes and has no listener (labels, dates, a timeline, an idea card's
 * title and excerpt) is written as HTML and sent as one {@link Html} component. The text goes in through jsoup's
 * {@code text()}, which escapes it; HTML from elsewhere must already be sanitised (see {@link Markdown}).
 */
public final class StaticHtml {

    private StaticHtml() {}

    /** A new detached element to build on; its HTML is written without added line breaks or indentation. */
    public static Element element(String tag, String... classes) {
        Document shell = Document.createShell("");
        shell.outputSettings().prettyPrint(false);
        Element e = shell.body().appendElement(tag);
        for (String c : classes) {
            e.addClass(c);
        }
        return e;
    }

    /** A child element with text, escaped. */
    public static Element text(Element parent, String tag, String text, String... classes) {
        Element e = parent.appendElement(tag).text(text);
        for (String c : classes) {
            e.addClass(c);
        }
        return e;
    }

    /**
     * The element as one Vaadin node: its tag and attributes, and its content as the {@code innerHTML} property, as
     * {@link Html} sends it. Built from the jsoup tree directly: {@code new Html(String)} parses the HTML again to
     * find its root, which under load was one fortieth of the server's work.
     */
    public static Component of(Element root) {
        com.vaadin.flow.dom.Element element = new com.vaadin.flow.dom.Element(root.tagName());
        root.attributes().forEach(a -> element.setAttribute(a.getKey(), a.getValue()));
        element.setProperty("innerHTML", root.html());
        return new Block(element);
    }

    /**
     * A block with HTML that is already safe (sanitised Markdown, escaped search hits) as its content, without
     * parsing it again as {@code new Html(String)} would.
     */
    public static Component safe(String tag, String cssClass, String safeHtml) {
        com.vaadin.flow.dom.Element element = new com.vaadin.flow.dom.Element(tag);
        if (!cssClass.isEmpty()) {
            element.setAttribute("class", cssClass);
        }
        element.setProperty("innerHTML", safeHtml);
        return new Block(element);
    }

    /** A read-only block of HTML. */
    private static final class Block extends Component {
        Block(com.vaadin.flow.dom.Element element) {
            super(element);
        }
    }
}

package org.inspraak.ui;

import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.commonmark.Extension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.ListBlock;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Renders residents' Markdown to safe HTML. The parser drops raw HTML and images; the OWASP policy then
 * allows only a small set of tags and http(s)/mailto links, which get rel="nofollow noopener".
 */
public final class Markdown {

    private static final List<Extension> EXTENSIONS = List.of();
    private static final Parser USER_PARSER = Parser.builder()
            .extensions(EXTENSIONS)
            .enabledBlockTypes(Set.of(BlockQuote.class, ListBlock.class, FencedCodeBlock.class))
            .build();
    private static final Parser STAFF_PARSER =
            Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private static final PolicyFactory USER_POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "code", "pre", "a")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href")
            .onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();
    private static final PolicyFactory STAFF_POLICY = USER_POLICY.and(new HtmlPolicyBuilder()
            .allowElements("h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td")
            .toFactory());

    private Markdown() {}

    /**
     * Rendered texts by their Markdown. Every reader of an idea page has the same texts rendered and sanitised
     * again (2 % of the server's work under load); the result depends on the text alone. Bounded by characters.
     */
    private static final Cache<String, String> USER_CACHE = cache();

    private static final Cache<String, String> STAFF_CACHE = cache();

    private static Cache<String, String> cache() {
        return Caffeine.newBuilder()
                .maximumWeight(2_000_000)
                .<String, String>weigher((markdown, html) -> markdown.length() + html.length())
                .build();
    }

    /** Ideas and reactions: paragraphs, emphasis, lists, quotes, code and links. */
    public static String userHtml(String markdown) {
        return USER_CACHE.get(markdown == null ? "" : markdown, Markdown::renderUser);
    }

    private static String renderUser(String markdown) {
        return USER_POLICY.sanitize(RENDERER.render(USER_PARSER.parse(markdown)));
    }

    /** Texts written by staff (background, guidelines, summaries): also headings and tables. */
    public static String staffHtml(String markdown) {
        return STAFF_CACHE.get(markdown == null ? "" : markdown, Markdown::renderStaff);
    }

    private static String renderStaff(String markdown) {
        var document = STAFF_PARSER.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                // Page structure has one h1 per view; shift staff headings below it.
                heading.setLevel(Math.max(2, Math.min(4, heading.getLevel() + 1)));
                visitChildren(heading);
            }

            @Override
            public void visit(Image image) {
                image.unlink();
            }
        });
        return STAFF_POLICY.sanitize(RENDERER.render(document));
    }
}

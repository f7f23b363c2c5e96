package org.inspraak.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.inspraak.InspraakProperties;
import org.jsoup.nodes.Element;

/**
 * Share actions as plain links to each network's own share address: no third-party scripts, no tracking pixels,
 * nothing loaded from elsewhere until the person chooses to share. The shared page carries its own preview tags.
 */
// Spring's stereotype, named in full: Component here is Vaadin's.
@org.springframework.stereotype.Component
public class ShareLinks {

    private final InspraakProperties properties;

    ShareLinks(InspraakProperties properties) {
        this.properties = properties;
    }

    public Div of(Component ctx, String path, String title) {
        String url = properties.baseUrl() + path;
        String u = encode(url);
        String t = encode(title);
        Div share = new Div();
        share.addClassName("share-links");
        share.getElement().setAttribute("role", "group");
        share.getElement().setAttribute("aria-label", ctx.getTranslation("share.label"));
        // Label and links are plain HTML in one element (see StaticHtml); only the copy button needs the server.
        Element links = StaticHtml.element("span", "share-network-links");
        StaticHtml.text(links, "span", ctx.getTranslation("share.label"), "share-label");
        link(links, "WhatsApp", "https://wa.me/?text=" + encode(title + " " + url), "whatsapp");
        link(links, "Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u, "facebook");
        link(links, "X", "https://x.com/intent/post?url=" + u + "&text=" + t, "x");
        link(links, "LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url=" + u, "linkedin");
        link(
                links,
                ctx.getTranslation("share.mail"),
                "mailto:?subject=" + t + "&body=" + encode(title + "\n\n" + url),
                "mail");
        share.add(StaticHtml.of(links));
        Button copy = new Button(ctx.getTranslation("share.copy"), VaadinIcon.LINK.create());
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        copy.addClassName("share-copy");
        copy.addClickListener(e -> {
            copy.getElement().executeJs("return navigator.clipboard.writeText($0)", url);
            Notices.success(ctx, "share.copied");
        });
        share.add(copy);
        return share;
    }

    private static void link(Element parent, String text, String href, String network) {
        parent.appendElement("a")
                .attr("href", href)
                .attr("target", "_blank")
                .attr("rel", "noopener noreferrer")
                .addClass("share-link")
                .addClass("share-" + network)
                .text(text);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package org.inspraak.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.inspraak.InspraakProperties;

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
        Span label = new Span(ctx.getTranslation("share.label"));
        label.addClassName("share-label");
        share.add(
                label,
                link("WhatsApp", "https://wa.me/?text=" + encode(title + " " + url), "whatsapp"),
                link("Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u, "facebook"),
                link("X", "https://x.com/intent/post?url=" + u + "&text=" + t, "x"),
                link("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url=" + u, "linkedin"),
                link(
                        ctx.getTranslation("share.mail"),
                        "mailto:?subject=" + t + "&body=" + encode(title + "\n\n" + url),
                        "mail"));
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

    private static Anchor link(String text, String href, String network) {
        Anchor a = new Anchor(href, text);
        a.setTarget(AnchorTarget.BLANK);
        a.getElement().setAttribute("rel", "noopener noreferrer");
        a.addClassNames("share-link", "share-" + network);
        return a;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

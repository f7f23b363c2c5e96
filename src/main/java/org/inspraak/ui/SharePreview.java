package org.inspraak.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.inspraak.InspraakProperties;
import org.inspraak.Messages;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Writes each page's own title, description, canonical address and Open Graph / Twitter card tags into the first
 * HTML response, where link previews and crawlers read them (they do not run the page's JavaScript). An address
 * that no view owns, or whose idea or consultation does not exist, answers HTTP 404 with the friendly page.
 */
@Component
class SharePreview implements VaadinServiceInitListener {

    private final ObjectProvider<PageDescription.Source> sources;
    private final InspraakProperties properties;
    private final Messages messages;

    SharePreview(ObjectProvider<PageDescription.Source> sources, InspraakProperties properties, Messages messages) {
        this.sources = sources;
        this.properties = properties;
        this.messages = messages;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(this::describe);
    }

    private void describe(IndexHtmlResponse response) {
        String path = response.getVaadinRequest() instanceof VaadinServletRequest r
                ? r.getHttpServletRequest()
                        .getRequestURI()
                        .substring(r.getContextPath().length())
                : "/";
        String route = path.replaceAll("^/+|/+$", "");
        String municipality = properties.municipality().name();
        boolean routed = response.getVaadinRequest()
                .getService()
                .getRouter()
                .getRegistry()
                .getNavigationRouteTarget(route)
                .hasTarget();
        Optional<PageDescription> described = routed
                ? sources.orderedStream()
                        .map(s -> s.describe("/" + route))
                        .flatMap(Optional::stream)
                        .findFirst()
                : Optional.of(PageDescription.missing());
        PageDescription page = described.orElseGet(() -> PageDescription.of(
                messages.get(Messages.DUTCH, "home.title"), messages.get(Messages.DUTCH, "home.intro", municipality)));
        if (!page.found()) {
            response.getVaadinResponse().setStatus(HttpServletResponse.SC_NOT_FOUND);
            page = new PageDescription(messages.get(Messages.DUTCH, "error.page.not-found.title"), "", false, null);
        }
        Document doc = response.getDocument();
        String title = page.title() + " · " + municipality;
        doc.title(title);
        Element head = doc.head();
        String url = properties.baseUrl() + (route.isEmpty() ? "/" : "/" + route);
        String image = properties.baseUrl() + (page.imagePath() != null ? page.imagePath() : ShareImage.PATH);
        if (!page.description().isBlank()) {
            meta(head, "name", "description", page.description());
        }
        if (page.found()) {
            head.appendElement("link").attr("rel", "canonical").attr("href", url);
        } else {
            meta(head, "name", "robots", "noindex");
        }
        for (List<String> tag : List.of(
                List.of("og:type", "website"),
                List.of("og:site_name", "Inspraak · " + municipality),
                List.of("og:title", page.title()),
                List.of("og:description", page.description()),
                List.of("og:url", url),
                List.of("og:image", image),
                List.of("og:image:width", page.imagePath() != null ? "" : String.valueOf(ShareImage.WIDTH)),
                List.of("og:image:height", page.imagePath() != null ? "" : String.valueOf(ShareImage.HEIGHT)),
                List.of("og:image:alt", page.imagePath() != null ? page.title() : municipality),
                List.of("og:locale", "nl_NL"))) {
            if (!tag.get(1).isBlank()) {
                meta(head, "property", tag.get(0), tag.get(1));
            }
        }
        head.appendElement("link")
                .attr("rel", "alternate")
                .attr("type", "application/atom+xml")
                .attr("title", messages.get(Messages.DUTCH, "feed.site.title", municipality))
                .attr("href", properties.baseUrl() + "/feeds/alles.atom");
        meta(head, "name", "twitter:card", "summary_large_image");
        meta(head, "name", "twitter:title", page.title());
        if (!page.description().isBlank()) {
            meta(head, "name", "twitter:description", page.description());
        }
        meta(head, "name", "twitter:image", image);
    }

    private static void meta(Element head, String attribute, String name, String content) {
        head.appendElement("meta").attr(attribute, name).attr("content", content);
    }
}

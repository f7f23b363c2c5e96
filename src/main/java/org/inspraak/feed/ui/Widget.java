package org.inspraak.feed.ui;

import java.util.List;

import org.inspraak.InspraakProperties;
import org.inspraak.Messages;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.consultation.Phase;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaSort;
import org.inspraak.ui.Formats;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The widget a municipality places on its own website with an {@code <iframe>}: the consultation's question, its
 * phase and dates, the ideas with most support, and a button into the consultation. Plain HTML without scripts or
 * a Vaadin session, so a busy municipal homepage costs the site almost nothing. Framing is allowed only here (see
 * the security configuration); every link opens Inspraak in a new tab.
 */
@RestController
class Widget {

    private final ConsultationService consultations;
    private final IdeaService ideas;
    private final InspraakProperties properties;
    private final Messages messages;

    Widget(ConsultationService consultations, IdeaService ideas, InspraakProperties properties, Messages messages) {
        this.consultations = consultations;
        this.ideas = ideas;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping(value = "/inbedden/gesprekken/{id:\\d{1,18}}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> widget(@PathVariable long id) {
        return consultations
                .find(id)
                .filter(ConsultationDetails::published)
                .map(c -> ResponseEntity.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                        .cacheControl(CacheControl.noCache())
                        .body(html(c)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private String html(ConsultationDetails c) {
        String base = properties.baseUrl();
        String brand = properties.municipality().primaryColor().matches("#[0-9a-fA-F]{3,8}")
                ? properties.municipality().primaryColor()
                : "#1f5c99";
        StringBuilder ideasHtml = new StringBuilder();
        List<IdeaService.IdeaSummary> top = ideas.list(c.id(), IdeaSort.MOST_SUPPORT, 0, 0, 3);
        if (!top.isEmpty()) {
            ideasHtml.append("<h2>").append(t("widget.top")).append("</h2><ul>");
            for (IdeaService.IdeaSummary i : top) {
                ideasHtml
                        .append("<li><a target=\"_blank\" rel=\"noopener\" href=\"")
                        .append(e(base + "/ideeen/" + i.id()))
                        .append("\">")
                        .append(e(i.title()))
                        .append("</a> <span class=\"muted\">")
                        .append(e(messages.get(Messages.DUTCH, "widget.votes", i.agree(), i.votes())))
                        .append("</span></li>");
            }
            ideasHtml.append("</ul>");
        }
        String phase = switch (c.phase()) {
            case UPCOMING ->
                messages.get(Messages.DUTCH, "widget.upcoming", Formats.date(c.ideasFrom(), Messages.DUTCH));
            case IDEAS -> messages.get(Messages.DUTCH, "widget.ideas", Formats.date(c.votingFrom(), Messages.DUTCH));
            case VOTING ->
                messages.get(Messages.DUTCH, "widget.voting", Formats.date(c.summarisingFrom(), Messages.DUTCH));
            case SUMMARISING, CLOSED -> t("widget.closed");
        };
        String target = c.phase() == Phase.SUMMARISING || c.phase() == Phase.CLOSED
                ? base + "/gesprekken/" + c.id() + "/uitkomst"
                : base + "/gesprekken/" + c.id();
        String button = c.phase().isOpen() ? t("widget.join") : t("widget.read");
        return "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + e(c.title()) + "</title><style>"
                + "body{margin:0;font-family:system-ui,Arial,sans-serif;color:#1f2933;background:#fff}"
                + ".w{border:1px solid #d9e2ec;border-top:6px solid " + brand + ";border-radius:8px;padding:16px}"
                + ".m{font-size:14px;color:#52606d;margin:0}h1{font-size:20px;margin:6px 0}"
                + "h2{font-size:16px;margin:16px 0 6px}p{margin:6px 0;line-height:1.45}ul{padding-left:20px;margin:0}"
                + "li{margin:4px 0}a{color:" + brand + "}.muted{color:#52606d;font-size:14px}"
                + ".b{display:inline-block;margin-top:14px;padding:10px 18px;border-radius:6px;background:" + brand
                + ";color:#fff;text-decoration:none;font-weight:600}"
                + "</style></head><body><div class=\"w\">"
                + "<p class=\"m\">" + e(properties.municipality().name()) + " · " + t("widget.label") + "</p>"
                + "<h1>" + e(c.title()) + "</h1>"
                + "<p>" + e(c.question()) + "</p>"
                + "<p class=\"muted\">" + e(phase) + "</p>"
                + ideasHtml
                + "<a class=\"b\" target=\"_blank\" rel=\"noopener\" href=\"" + e(target) + "\">" + button + "</a>"
                + "</div></body></html>";
    }

    private String t(String key) {
        return e(messages.get(Messages.DUTCH, key));
    }

    private static String e(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}

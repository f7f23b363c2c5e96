package org.inspraak.calendar.ui;

import java.io.ByteArrayInputStream;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.inspraak.calendar.ContentCalendarService;
import org.inspraak.ui.Formats;
import org.inspraak.ui.Markdown;

/** The municipality's published updates on a consultation page, newest first. */
public final class UpdatesPanel {

    private UpdatesPanel() {}

    public static Component of(Component ctx, ContentCalendarService calendar, long consultationId, Locale locale) {
        Div d = new Div();
        d.addClassName("updates");
        var published = calendar.published(consultationId);
        if (published.isEmpty()) {
            return d;
        }
        d.add(new H2(ctx.getTranslation("updates.title")));
        for (ContentCalendarService.UpdateView u : published.stream().limit(10).toList()) {
            Div item = new Div();
            item.addClassName("update");
            Span when = new Span(Formats.dateTime(u.publishedAt(), locale));
            when.addClassName("update-time");
            item.add(when, new Html("<div>" + Markdown.staffHtml(u.body()) + "</div>"));
            if (u.hasImage()) {
                Image image = new Image(
                        DownloadHandler.fromInputStream(ev -> {
                            byte[] bytes = calendar.image(u.id()).orElse(new byte[0]);
                            return new DownloadResponse(
                                    new ByteArrayInputStream(bytes),
                                    "update-" + u.id(),
                                    calendar.imageTypeOf(u.id()),
                                    bytes.length);
                        }),
                        u.imageAlt());
                image.addClassName("update-image");
                item.add(image);
            }
            for (Long ideaId : u.ideaIds()) {
                item.add(new Anchor("ideeen/" + ideaId, ctx.getTranslation("updates.idea", ideaId)));
            }
            d.add(item);
        }
        return d;
    }
}

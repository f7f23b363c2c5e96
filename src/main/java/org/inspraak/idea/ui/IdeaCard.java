package org.inspraak.idea.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.ui.Formats;

/** An idea in a list: title link, a short excerpt, labels and its vote figures. */
public class IdeaCard extends Div {

    private static final int EXCERPT = 220;

    public IdeaCard(IdeaSummary idea, List<Component> actions) {
        this(idea);
        actions.forEach(this::add);
    }

    public IdeaCard(IdeaSummary idea) {
        addClassNames("card", "idea-card");
        Anchor link = new Anchor("/ideeen/" + idea.id(), idea.title());
        H3 title = new H3(link);
        String text = idea.description().replaceAll("[*_#>`\\[\\]]", "");
        Paragraph excerpt = new Paragraph(text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
        excerpt.addClassName("excerpt");
        Div labels = IdeaLabels.of(this, idea);
        Span figures =
                new Span(getTranslation("idea.figures", idea.agree(), idea.disagree(), idea.pass(), idea.reactions()));
        figures.addClassName("figures");
        Span by =
                new Span(getTranslation("idea.by", idea.authorName(), Formats.dateTime(idea.createdAt(), getLocale())));
        by.addClassName("muted");
        add(title, labels, excerpt, figures, by);
    }
}

package org.inspraak.idea.ui;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.inspraak.Messages;
import org.inspraak.idea.IdeaPhotos;
import org.inspraak.idea.IdeaService;
import org.inspraak.ui.PageDescription;
import org.springframework.stereotype.Component;

/** Link previews of idea pages: the idea's own title and opening words; a removed idea shows neither. */
@Component
class IdeaPageDescriptions implements PageDescription.Source {

    private static final Pattern IDEA = Pattern.compile("/ideeen/(\\d{1,18})");

    private final IdeaService ideas;
    private final IdeaPhotos photos;
    private final Messages messages;

    IdeaPageDescriptions(IdeaService ideas, IdeaPhotos photos, Messages messages) {
        this.ideas = ideas;
        this.photos = photos;
        this.messages = messages;
    }

    @Override
    public Optional<PageDescription> describe(String path) {
        Matcher m = IDEA.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(ideas.find(Long.parseLong(m.group(1)))
                .map(i -> i.hidden()
                        ? PageDescription.of(messages.get(Messages.DUTCH, "moderation.hidden-idea.title"), "")
                        : PageDescription.of(i.title(), PageDescription.excerpt(i.description(), 200))
                                .withImage(photos.of(i.id()).stream()
                                        .findFirst()
                                        .map(IdeaPhotos.Photo::url)
                                        .orElse(null)))
                .orElseGet(PageDescription::missing));
    }
}

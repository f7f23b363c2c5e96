package org.inspraak.idea;

import java.util.Map;

import org.inspraak.account.PersonalData;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A person's ideas and photos are exported; on deletion the ideas stay readable, but the addresses they were posted
 * from and their photos are erased.
 */
@Component
@Order(1)
class IdeaPersonalData implements PersonalData {

    private final IdeaService ideas;
    private final IdeaPhotos photos;

    IdeaPersonalData(IdeaService ideas, IdeaPhotos photos) {
        this.ideas = ideas;
        this.photos = photos;
    }

    @Override
    public Map<String, Object> export(long userId) {
        return Map.of(
                "ideas",
                ideas.exportFor(userId),
                "photos",
                photos.exportFor(userId).stream()
                        .map(p -> Map.of("ideaId", p.ideaId(), "altText", p.altText(), "url", p.url()))
                        .toList());
    }

    @Override
    public void erase(long userId, long placeholderUserId) {
        ideas.eraseClientIpsOf(userId);
        photos.eraseOf(userId);
    }
}

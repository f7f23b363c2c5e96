package org.inspraak.idea;

import java.util.Map;

import org.inspraak.account.PersonalData;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A person's ideas are exported; on deletion they stay readable, but the addresses they were posted from are erased. */
@Component
@Order(1)
class IdeaPersonalData implements PersonalData {

    private final IdeaService ideas;

    IdeaPersonalData(IdeaService ideas) {
        this.ideas = ideas;
    }

    @Override
    public Map<String, Object> export(long userId) {
        return Map.of("ideas", ideas.exportFor(userId));
    }

    @Override
    public void erase(long userId, long placeholderUserId) {
        ideas.eraseClientIpsOf(userId);
    }
}

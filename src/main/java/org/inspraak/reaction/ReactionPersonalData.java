package org.inspraak.reaction;

import java.util.Map;

import org.inspraak.account.PersonalData;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A person's reactions are exported; on deletion they stay readable, but the addresses they were posted from are erased. */
@Component
@Order(2)
class ReactionPersonalData implements PersonalData {

    private final ReactionService reactions;

    ReactionPersonalData(ReactionService reactions) {
        this.reactions = reactions;
    }

    @Override
    public Map<String, Object> export(long userId) {
        return Map.of("reactions", reactions.exportFor(userId));
    }

    @Override
    public void erase(long userId, long placeholderUserId) {
        reactions.eraseClientIpsOf(userId);
    }
}

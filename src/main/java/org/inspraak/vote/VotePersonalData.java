package org.inspraak.vote;

import java.util.Map;

import org.inspraak.account.PersonalData;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A person's votes are exported; on deletion they stay counted under the anonymous placeholder. */
@Component
@Order(3)
class VotePersonalData implements PersonalData {

    private final VoteService votes;

    VotePersonalData(VoteService votes) {
        this.votes = votes;
    }

    @Override
    public Map<String, Object> export(long userId) {
        return Map.of("votes", votes.exportFor(userId));
    }

    @Override
    public void erase(long userId, long placeholderUserId) {
        votes.reassignVotes(userId, placeholderUserId);
    }
}

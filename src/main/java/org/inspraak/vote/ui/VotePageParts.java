package org.inspraak.vote.ui;

import java.util.Optional;

import org.inspraak.idea.IdeaCardPart;
import org.inspraak.idea.IdeaPage;
import org.inspraak.idea.IdeaService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;
import org.inspraak.ui.Live;
import org.inspraak.ui.PagePart;
import org.inspraak.vote.VoteService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The vote buttons on an idea's page, refreshed when anyone's vote has been counted. */
@Configuration(proxyBeanMethods = false)
class VotePageParts {

    @Bean
    PagePart<IdeaPage.Context> voteButtonsOnIdea(
            VoteService votes, IdeaService ideas, CurrentUser currentUser, Live live) {
        return PagePart.of(IdeaPage.VOTES, 0, c -> {
            long id = c.idea().id();
            boolean canVote = c.consultation().phase().acceptsVotes() && currentUser.has(Role.RESIDENT);
            VoteButtons buttons =
                    new VoteButtons(votes, id, c.idea(), () -> ideas.find(id).orElse(null), canVote);
            live.subscribe(
                    buttons,
                    IdeaService.VotesCounted.class,
                    e -> e.of(id).isPresent(),
                    e -> buttons.counted(e.of(id).orElseThrow()));
            return Optional.of(buttons);
        });
    }

    /** Voting from the list, without opening each idea: only where a vote can be cast. */
    @Bean
    IdeaCardPart voteButtonsOnCards(VoteService votes, CurrentUser currentUser, Live live) {
        return new VoteCards(votes, currentUser, live);
    }
}

package org.inspraak.reaction.ui;

import java.util.Optional;

import org.inspraak.idea.IdeaPage;
import org.inspraak.reaction.QuestionDesk;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.CurrentUser;
import org.inspraak.ui.Live;
import org.inspraak.ui.PagePart;
import org.inspraak.ui.PageParts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The conversation below an idea. */
@Configuration(proxyBeanMethods = false)
class ReactionPageParts {

    @Bean
    PagePart<IdeaPage.Context> reactionsBelowIdea(
            ReactionService reactions,
            ObjectProvider<QuestionDesk> questionDesk,
            ObjectProvider<PageParts> parts,
            CurrentUser currentUser,
            Live live) {
        return PagePart.of(
                IdeaPage.DISCUSSION,
                0,
                c -> Optional.of(new ReactionThread(
                        reactions,
                        questionDesk.getIfAvailable(),
                        parts.getObject(),
                        currentUser,
                        live,
                        c.idea().id(),
                        c.consultation().phase().acceptsReactions() && !c.idea().locked())));
    }
}

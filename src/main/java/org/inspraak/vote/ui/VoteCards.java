package org.inspraak.vote.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.ValueProvider;
import org.inspraak.idea.IdeaCardPart;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;
import org.inspraak.ui.LitTemplates;
import org.inspraak.ui.Live;
import org.inspraak.ui.Notices;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Eens / oneens / pas on each card of a consultation's list, where a vote can be cast: buttons in the card's template,
 * pressed for the resident's own vote, their figures following the counts of the cards in view.
 */
class VoteCards implements IdeaCardPart {

    private static final Logger log = LoggerFactory.getLogger(VoteCards.class);

    private final VoteService votes;
    private final CurrentUser currentUser;
    private final Live live;

    VoteCards(VoteService votes, CurrentUser currentUser, Live live) {
        this.votes = votes;
        this.currentUser = currentUser;
        this.live = live;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Optional<Cards> on(CardList list) {
        if (!list.consultation().phase().acceptsVotes() || !currentUser.has(Role.RESIDENT)) {
            return Optional.empty();
        }
        return Optional.of(new OnList(list).cards());
    }

    /** The part on one open list, with what it remembers for it. */
    private final class OnList {

        private static final int KEPT = 100;
        private final CardList list;
        /**
         * The resident's own choice on the cards drawn lately ("" for none): read for all fetched cards at once, as a
         * list draws a screenful together. Bounded, as a session's memory must be.
         */
        private final Map<Long, String> mine = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
                return size() > KEPT;
            }
        };
        /** Ideas with this resident's vote that the stored counts may not hold yet. */
        private final Set<Long> uncounted = new HashSet<>();

        OnList(CardList list) {
            this.list = list;
            long consultation = list.consultation().id();
            live.subscribe(
                    list.owner(),
                    IdeaService.VotesCounted.class,
                    e -> e.consultationId() == consultation,
                    this::counted);
        }

        Cards cards() {
            Component owner = list.owner();
            StringBuilder t = new StringBuilder("<div class=\"vote-buttons in-list\" role=\"group\" aria-label=\"")
                    .append(LitTemplates.text(owner.getTranslation("vote.group")))
                    .append("\">");
            button(t, VoteChoice.AGREE, "agree", "vote.agree", "thumbs-up");
            button(t, VoteChoice.DISAGREE, "disagree", "vote.disagree", "thumbs-down");
            button(t, VoteChoice.PASS, "pass", "vote.pass", "minus");
            t.append("</div>");
            Map<String, ValueProvider<IdeaSummary, ?>> values = new LinkedHashMap<>();
            values.put("agree", IdeaSummary::agree);
            values.put("disagree", IdeaSummary::disagree);
            values.put("pass", IdeaSummary::pass);
            values.put("mine", this::mine);
            Map<String, SerializableBiConsumer<IdeaSummary, ArrayNode>> functions =
                    Map.of("vote", (idea, args) -> vote(idea, args));
            return new Cards(t.toString(), values, functions);
        }

        private void button(StringBuilder t, VoteChoice choice, String name, String label, String icon) {
            String pressed = "item.mine === '" + choice.name() + "'";
            t.append("<vaadin-button id=\"vote-")
                    .append(name)
                    .append("-${item.id}\" theme=\"${")
                    .append(pressed)
                    .append(" ? 'primary' : ''}\" aria-pressed=\"${")
                    .append(pressed)
                    .append("}\" @click=\"${() => vote('")
                    .append(choice.name())
                    .append("')}\">")
                    .append(LitTemplates.text(list.owner().getTranslation(label)))
                    .append(" · ${item.")
                    .append(name)
                    .append("}<vaadin-icon icon=\"vaadin:")
                    .append(icon)
                    .append("\" slot=\"prefix\"></vaadin-icon></vaadin-button>");
        }

        private String mine(IdeaSummary idea) {
            String known = mine.get(idea.id());
            if (known != null) {
                return known;
            }
            List<Long> unknown = new ArrayList<>();
            unknown.add(idea.id());
            list.fetched().stream()
                    .filter(id -> id != idea.id() && !mine.containsKey(id))
                    .forEach(unknown::add);
            Map<Long, VoteChoice> read = votes.myVotes(unknown);
            for (Long id : unknown.reversed()) {
                VoteChoice c = read.get(id);
                mine.put(id, c == null ? "" : c.name());
            }
            return mine.get(idea.id());
        }

        /** A click on a card's button: the browser names the choice, which is checked like any input. */
        private void vote(IdeaSummary idea, ArrayNode args) {
            VoteChoice choice = choice(args);
            if (choice == null) {
                log.debug("Ignored a vote from a card with arguments {}", args);
                return;
            }
            if (Notices.attempt(list.owner(), () -> votes.vote(idea.id(), choice))) {
                mine.put(idea.id(), choice.name());
                // The stored counts follow within a fraction of a second; meanwhile the figures come from the votes.
                uncounted.add(idea.id());
                VoteService.Tally exact = votes.tally(idea.id());
                list.redraw(idea.withCounts(exact.agree(), exact.disagree(), exact.pass()));
            }
        }

        private static @Nullable VoteChoice choice(ArrayNode args) {
            if (args.size() != 1) {
                return null;
            }
            JsonNode arg = args.get(0);
            for (VoteChoice c : VoteChoice.values()) {
                if (arg.isString() && c.name().equals(arg.asString())) {
                    return c;
                }
            }
            return null;
        }

        /**
         * New counts from a recount: the cards in view that they concern are drawn again, unless nothing changed. A
         * card with the resident's own vote takes its figures from the votes until the counts are seen to hold it,
         * so the page never shows its own vote undone.
         */
        private void counted(IdeaService.VotesCounted e) {
            for (IdeaSummary idea : list.shown()) {
                Optional<IdeaService.StoredCounts> counts = e.of(idea.id());
                if (counts.isEmpty()) {
                    continue;
                }
                int a = counts.get().agree();
                int d = counts.get().disagree();
                int p = counts.get().pass();
                if (uncounted.contains(idea.id())) {
                    VoteService.Tally exact = votes.tally(idea.id());
                    if (exact.agree() == a && exact.disagree() == d && exact.pass() == p) {
                        uncounted.remove(idea.id());
                    }
                    a = exact.agree();
                    d = exact.disagree();
                    p = exact.pass();
                }
                if (a != idea.agree() || d != idea.disagree() || p != idea.pass()) {
                    list.redraw(idea.withCounts(a, d, p));
                }
            }
        }
    }
}

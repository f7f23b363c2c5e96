package org.inspraak.ui;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataChangeEvent;
import org.inspraak.KaribuTest;
import org.inspraak.TestData;
import org.inspraak.idea.IdeaService;
import org.inspraak.reaction.ReactionService;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A signed-in resident posts an idea, votes and reacts through the views. */
class ParticipationViewsTest extends KaribuTest {

    @Autowired
    IdeaService ideas;

    @Autowired
    VoteService votes;

    @Autowired
    ReactionService reactions;

    @Test
    void aResidentPostsAnIdeaAndLandsOnItsPage() {
        long c = data.openConsultation();
        login(data.user());
        navigate("gesprekken/" + c);
        _click(_get(Button.class, s -> s.withId("new-idea")));
        _setValue(_get(TextField.class, s -> s.withId("idea-title")), "Speeltuin opknappen");
        _setValue(
                _get(TextArea.class, s -> s.withId("idea-description")),
                "De speeltuin aan de Kerkstraat is versleten.");
        _setValue(_get(IntegerField.class, s -> s.withId("idea-amount")), 25_000);
        _click(_get(Button.class, s -> s.withId("idea-submit")));
        assertThat(_get(H1.class, s -> s.withText("Speeltuin opknappen"))).isNotNull();
        assertThat(ideas.count(c)).isEqualTo(1);
    }

    @Test
    void anInvalidIdeaShowsWhyAndIsNotStored() {
        long c = data.openConsultation();
        login(data.user());
        navigate("gesprekken/" + c);
        _click(_get(Button.class, s -> s.withId("new-idea")));
        _setValue(_get(TextField.class, s -> s.withId("idea-title")), "Kort");
        _setValue(_get(TextArea.class, s -> s.withId("idea-description")), "Een lange genoeg beschrijving.");
        _click(_get(Button.class, s -> s.withId("idea-submit")));
        assertThat(_get(FormMessage.class).getText()).isEqualTo("Een titel heeft minstens 5 tekens.");
        assertThat(ideas.count(c)).isZero();
    }

    @Test
    void votingUpdatesTheFiguresAndMarksTheOwnVote() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        login(data.user());
        navigate("ideeen/" + idea);
        Button agree = _get(Button.class, s -> s.withId("vote-agree"));
        _click(agree);
        assertThat(agree.getText()).isEqualTo("Eens · 1");
        assertThat(agree.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        votes.catchUpCounts(); // the stored counts now hold the first vote
        _click(_get(Button.class, s -> s.withId("vote-disagree")));
        assertThat(agree.getText()).isEqualTo("Eens · 0");
        assertThat(_get(Span.class, s -> s.withId("vote-summary")).getText()).startsWith("0% eens");
        // A refresh from that recount may reach the page after the second click: the page must not show its own
        // vote undone (this happened on a busy machine).
        _get(org.inspraak.vote.ui.VoteButtons.class).refresh();
        assertThat(agree.getText()).isEqualTo("Eens · 0");
        assertThat(_get(Span.class, s -> s.withId("vote-summary")).getText()).startsWith("0% eens");
        votes.catchUpCounts();
        assertThat(ideas.find(idea).orElseThrow().disagree()).isEqualTo(1);
    }

    /**
     * On the list, a count redraws only the card of the idea it concerns: the list does not re-read its rows and
     * redraw every card at each count (that was what limited a node under load).
     */
    @Test
    void aCountUpdatesOnlyTheCardOfItsIdeaAndTheListIsNotReread() {
        long c = data.openConsultation();
        long counted = data.idea(c, data.user());
        long other = data.idea(c, data.user());
        TestData.User resident = data.user();
        login(resident);
        navigate("gesprekken/" + c);
        IdeaCards cards = new IdeaCards(8);
        AtomicInteger reread = new AtomicInteger();
        AtomicInteger redrawn = new AtomicInteger();
        cards.list().getDataProvider().addDataProviderListener(e -> {
            if (e instanceof DataChangeEvent.DataRefreshEvent<?>) {
                redrawn.incrementAndGet();
            } else {
                reread.incrementAndGet();
            }
        });
        assertThat(cards.values(counted)).containsEntry("agree", 0).containsEntry("mine", "");

        data.authenticate(data.user());
        votes.vote(counted, VoteChoice.AGREE);
        data.authenticate(resident);
        votes.catchUpCounts();
        // Counts reach a page with its next batched update (inspraak.live.frequent-interval).
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().untilAsserted(() -> {
            MockVaadin.clientRoundtrip(false);
            assertThat(cards.values(counted)).containsEntry("agree", 1);
        });
        // The card's text is written once per state of the idea and kept; a new count is a new state.
        assertThat((String) cards.values(counted).get("text"))
                .contains("Eens 1")
                .doesNotContain("Eens 0");
        assertThat(cards.values(other)).containsEntry("agree", 0);
        assertThat(redrawn).as("cards drawn again").hasValue(1);
        assertThat(reread).as("rows re-read by the list at the count").hasValue(0);
    }

    /**
     * A vote from a card is stored, and the card shows it pressed and counted at once, before the stored counts
     * follow; changing it moves the count. What the browser sends is checked: anything but one known choice stores
     * nothing.
     */
    @Test
    void aResidentVotesFromACardAndTheCardShowsTheVote() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        login(data.user());
        navigate("gesprekken/" + c);
        IdeaCards cards = new IdeaCards(8);

        cards.call(idea, "vote", "AGREE");
        assertThat(votes.tally(idea).agree()).isEqualTo(1);
        assertThat(cards.values(idea)).containsEntry("mine", "AGREE").containsEntry("agree", 1);

        cards.call(idea, "vote", "DISAGREE");
        assertThat(cards.values(idea))
                .containsEntry("mine", "DISAGREE")
                .containsEntry("agree", 0)
                .containsEntry("disagree", 1);

        cards.call(idea, "vote", "EVERYTHING");
        cards.call(idea, "vote");
        cards.call(idea, "vote", 1);
        cards.call(idea, "vote", "AGREE", "PASS");
        assertThat(votes.tally(idea)).isEqualTo(new VoteService.Tally(0, 1, 0));
        assertThat(votes.myVotes(java.util.List.of(idea))).containsEntry(idea, VoteChoice.DISAGREE);
    }

    /** Where votes are closed, or for a visitor who is not signed in, the cards have no vote buttons. */
    @Test
    void cardsHaveNoVoteButtonsForAVisitor() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        navigate("gesprekken/" + c);
        IdeaCards cards = new IdeaCards(8);
        assertThat(cards.values(idea)).doesNotContainKey("mine");
        assertThat((String) cards.values(idea).get("text")).contains("/ideeen/" + idea, "Eens 0");
    }

    @Test
    void aReactionAndAReplyAppearInTheThread() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        login(data.user());
        navigate("ideeen/" + idea);
        _setValue(_get(TextArea.class, s -> s.withId("reaction-text")), "Dit steun ik **van harte**.");
        _click(_get(Button.class, s -> s.withId("reaction-post")));
        String html = pageHtml();
        assertThat(html).contains("<strong>van harte</strong>");
        _click(_get(Button.class, s -> s.withText("Reageren")));
        TextArea reply = _find(TextArea.class).stream()
                .filter(t -> t.getId().orElse("").startsWith("reply-text-"))
                .findFirst()
                .orElseThrow();
        _setValue(reply, "Ik ook!");
        _click(_get(
                Button.class,
                s -> s.withId("reply-post-" + reply.getId().orElseThrow().substring("reply-text-".length()))));
        assertThat(ideas.find(idea).orElseThrow().reactions()).isEqualTo(2);
        assertThat(pageHtml()).contains("Ik ook!").contains("depth-1");
    }

    /**
     * Another resident's reaction reaches an open idea page with the next round of updates. What was already shown
     * keeps its element, so a reply being typed is not lost, and only the new reaction is sent.
     */
    @Test
    void anotherResidentsReactionAppearsWithoutLosingAReplyBeingTyped() {
        long c = data.openConsultation();
        TestData.User author = data.user();
        long idea = data.idea(c, author);
        data.authenticate(author);
        long first = reactions.post(idea, null, "Eerste reactie op het idee.");
        TestData.User reader = data.user();
        login(reader);
        navigate("ideeen/" + idea);
        Div firstItem = reactionItem(first);
        _click(_get(firstItem, Button.class, s -> s.withText("Reageren")));
        TextArea reply = _get(TextArea.class, s -> s.withId("reply-text-" + first));
        _setValue(reply, "Half getypt antwoord");

        data.authenticate(author);
        long second = reactions.post(idea, null, "Tweede reactie, terwijl de lezer typt.");
        data.authenticate(reader);
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().untilAsserted(() -> {
            MockVaadin.clientRoundtrip(false);
            assertThat(pageHtml()).contains("Tweede reactie, terwijl de lezer typt.");
        });
        assertThat(reactionItem(first))
                .as("the element of the reaction already shown")
                .isSameAs(firstItem);
        assertThat(_get(TextArea.class, s -> s.withId("reply-text-" + first)))
                .isSameAs(reply)
                .extracting(TextArea::getValue)
                .isEqualTo("Half getypt antwoord");
        assertThat(_get(H2.class, s -> s.withText("2 reacties"))).isNotNull();
        assertThat(reactionItem(second)).isNotNull();

        // Posting the reply closes its form; the reply shows below the reaction it answers.
        _click(_get(Button.class, s -> s.withId("reply-post-" + first)));
        assertThat(_find(TextArea.class, s -> s.withId("reply-text-" + first))).isEmpty();
        assertThat(pageHtml()).contains("Half getypt antwoord").contains("depth-1");
    }

    private static Div reactionItem(long reactionId) {
        return _find(Div.class).stream()
                .filter(d -> Long.toString(reactionId).equals(d.getElement().getAttribute("data-reaction-id")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void markupInReactionsIsNeutralised() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        login(data.user());
        navigate("ideeen/" + idea);
        _setValue(
                _get(TextArea.class, s -> s.withId("reaction-text")),
                "<script>alert(1)</script> [klik](javascript:alert(2)) <img src=x onerror=alert(3)>");
        _click(_get(Button.class, s -> s.withId("reaction-post")));
        String html = pageHtml();
        // Shown as text, never as live markup.
        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("javascript:")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(3)&gt;");
    }
}

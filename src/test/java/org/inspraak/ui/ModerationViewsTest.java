package org.inspraak.ui;

import java.time.Instant;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import org.assertj.core.api.Assertions;
import org.inspraak.KaribuTest;
import org.inspraak.TestData;
import org.inspraak.moderation.FlagReason;
import org.inspraak.moderation.ModerationService;
import org.inspraak.moderation.TargetType;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class ModerationViewsTest extends KaribuTest {

    @Autowired
    ReactionService reactions;

    @Autowired
    ModerationService moderation;

    @Autowired
    org.inspraak.idea.IdeaService ideas;

    @Autowired
    org.inspraak.insight.InsightService insights;

    @Autowired
    org.inspraak.audit.AuditService audit;

    @Test
    void aResidentReportsAReactionFromTheIdeaPage() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        long r = reactions.postAs(data.user().id(), false, idea, null, "Koop nu goedkope horloges!", Instant.now());
        login(data.user());
        navigate("ideeen/" + idea);
        _click(_get(Button.class, s -> s.withId("flag-reaction-" + r)));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<FlagReason> reason = _get(RadioButtonGroup.class, s -> s.withId("flag-reason"));
        _setValue(reason, FlagReason.SPAM);
        _click(_get(Button.class, s -> s.withId("flag-send")));
        assertThat(_get(Button.class, s -> s.withId("flag-reaction-" + r)).isEnabled())
                .isFalse();
        login(data.user(Role.MODERATOR));
        assertThat(moderation.queue(0, 100))
                .anyMatch(i -> i.target().equals(new ModerationService.Target(TargetType.REACTION, r)));
    }

    @Test
    void actionsFollowTheSelectionAndTheContextShowsTheThreadAndTheAuthorsHistory() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        TestData.User author = data.user();
        long opening = reactions.postAs(data.user().id(), false, idea, null, "Mooi plan voor de wijk.", Instant.now());
        long earlier = reactions.postAs(author.id(), false, idea, null, "Eerder scherp commentaar", Instant.now());
        long reply = reactions.postAs(author.id(), false, idea, opening, "Wat een onzin is dit.", Instant.now());
        long offTopic = data.idea(c, author);
        login(data.user());
        moderation.flag(new ModerationService.Target(TargetType.REACTION, earlier), FlagReason.INSULT, null);
        login(data.user(Role.MODERATOR));
        moderation.keep(java.util.List.of(new ModerationService.Target(TargetType.REACTION, earlier)));
        moderation.warn(author.id(), "Blijf bij de inhoud");
        login(data.user());
        moderation.flag(new ModerationService.Target(TargetType.REACTION, reply), FlagReason.INSULT, null);
        moderation.flag(new ModerationService.Target(TargetType.IDEA, offTopic), FlagReason.OFF_TOPIC, null);

        login(data.user(Role.MODERATOR));
        navigate("moderatie");
        @SuppressWarnings("unchecked")
        Grid<ModerationService.QueueItem> grid = _get(Grid.class, s -> s.withId("moderation-grid"));
        ModerationService.QueueItem replyItem = null;
        ModerationService.QueueItem ideaItem = null;
        for (int i = 0; i < GridKt._size(grid); i++) {
            ModerationService.QueueItem item = GridKt._get(grid, i);
            if (item.target().id() == reply && item.target().type() == TargetType.REACTION) {
                replyItem = item;
            } else if (item.target().id() == offTopic && item.target().type() == TargetType.IDEA) {
                ideaItem = item;
            }
        }
        Button hide = _get(Button.class, s -> s.withId("moderation-hide"));
        Button merge = _get(Button.class, s -> s.withId("moderation-merge"));
        Button correct = _get(Button.class, s -> s.withId("moderation-correct"));
        assertThat(hide.isEnabled()).as("nothing selected").isFalse();
        assertThat(correct.isEnabled()).isFalse();

        grid.select(ideaItem);
        assertThat(hide.isEnabled()).isTrue();
        assertThat(merge.isEnabled()).as("one idea can be merged").isTrue();
        grid.select(replyItem);
        assertThat(hide.isEnabled()).isTrue();
        assertThat(correct.isEnabled()).as("correcting takes exactly one").isFalse();
        assertThat(merge.isEnabled()).isFalse();
        grid.deselect(ideaItem);
        assertThat(correct.isEnabled()).isTrue();
        assertThat(merge.isEnabled()).as("a reaction cannot be merged").isFalse();
        assertThat(grid.isDetailsVisible(replyItem))
                .as("the selected item shows its context")
                .isTrue();

        ModerationService.QueueContext ctx = moderation.context(replyItem.target());
        assertThat(ctx.ideaId()).isEqualTo(idea);
        assertThat(ctx.thread())
                .extracting(ModerationService.ThreadLine::body)
                .containsExactly("Mooi plan voor de wijk.");
        assertThat(ctx.earlierReported()).isEqualTo(1);
        assertThat(ctx.sanctions()).singleElement().satisfies(sanction -> {
            assertThat(sanction.suspension()).isFalse();
            assertThat(sanction.reason()).isEqualTo("Blijf bij de inhoud");
        });
    }

    @Test
    void residentsCannotChooseTheSystemsOwnReason() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        login(data.user());
        Assertions.assertThatThrownBy(() -> moderation.flag(
                        new ModerationService.Target(TargetType.IDEA, idea), FlagReason.AWAITS_APPROVAL, null))
                .hasMessageContaining("error.flag.reason");
        navigate("ideeen/" + idea);
        _click(_get(Button.class, s -> s.withId("flag-idea-" + idea)));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<FlagReason> reason = _get(RadioButtonGroup.class, s -> s.withId("flag-reason"));
        assertThat(reason.getListDataView().getItems()).doesNotContain(FlagReason.AWAITS_APPROVAL);
    }

    @Test
    void moderatorsHideSeveralItemsAtOnceWithAReason() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        TestData.User spammer = data.user();
        long r1 = reactions.postAs(spammer.id(), false, idea, null, "Reclame een", Instant.now());
        long r2 = reactions.postAs(spammer.id(), false, idea, null, "Reclame twee", Instant.now());
        login(data.user());
        moderation.flag(new ModerationService.Target(TargetType.REACTION, r1), FlagReason.SPAM, null);
        moderation.flag(new ModerationService.Target(TargetType.REACTION, r2), FlagReason.SPAM, null);
        login(data.user(Role.MODERATOR));
        navigate("moderatie");
        @SuppressWarnings("unchecked")
        Grid<ModerationService.QueueItem> grid = _get(Grid.class, s -> s.withId("moderation-grid"));
        int size = GridKt._size(grid);
        assertThat(size).isGreaterThanOrEqualTo(2);
        for (int i = 0; i < size; i++) {
            ModerationService.QueueItem item = GridKt._get(grid, i);
            // Type and id: an idea flagged in another test can have the same number as a reaction here.
            if (item.target().type() == TargetType.REACTION
                    && (item.target().id() == r1 || item.target().id() == r2)) {
                grid.select(item);
            }
        }
        _click(_get(Button.class, s -> s.withId("moderation-hide")));
        assertThat(_find(FormMessage.class).getFirst().getText()).startsWith("Vul een reden in");
        _setValue(_get(TextField.class, s -> s.withId("moderation-reason")), "Reclame is niet toegestaan");
        _click(_get(Button.class, s -> s.withId("moderation-hide")));
        assertThat(reactions.facts(r1).orElseThrow().hidden()).isTrue();
        assertThat(reactions.facts(r2).orElseThrow().hidden()).isTrue();
        assertThat(GridKt._size(grid)).isEqualTo(size - 2);
    }

    @Test
    void residentsCannotOpenTheQueue() {
        login(data.user());
        Assertions.assertThatThrownBy(() -> navigate("moderatie")).hasMessageContaining("Access is denied");
    }

    @Test
    void guidelinesArePublic() {
        navigate("richtlijnen");
        assertThat(pageHtml()).contains("<strong>Blijf vriendelijk.</strong>");
    }

    @Test
    void staffLockAndUnlockAnIdeaFromItsPageWithAReason() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        login(data.user(Role.MODERATOR));
        navigate("ideeen/" + idea);
        _click(_get(Button.class, s -> s.withId("idea-lock")));
        assertThat(_get(FormMessage.class, s -> s.withClasses("error")).getText())
                .isNotBlank();
        _setValue(_get(TextField.class, s -> s.withId("idea-moderation-reason")), "Discussie loopt uit de hand");
        _click(_get(Button.class, s -> s.withId("idea-lock")));
        assertThat(pageHtml()).contains("Een moderator heeft dit gesprek gesloten");
        assertThat(_get(Button.class, s -> s.withId("idea-lock")).getText()).isEqualTo("Gesprek heropenen");
        _setValue(_get(TextField.class, s -> s.withId("idea-moderation-reason")), "Weer rustig");
        _click(_get(Button.class, s -> s.withId("idea-lock")));
        assertThat(pageHtml()).doesNotContain("Een moderator heeft dit gesprek gesloten");
        _setValue(_get(TextField.class, s -> s.withId("idea-moderation-reason")), "Veelgestelde vraag");
        _click(_get(Button.class, s -> s.withId("idea-pin")));
        assertThat(_get(Button.class, s -> s.withId("idea-pin")).getText()).isEqualTo("Losmaken");
    }

    /** Staff turn a statement about the participant into a background question, which leaves the opinion groups. */
    @Test
    void staffMarkABackgroundQuestionFromItsPageWithAReason() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user(), "Ik woon in de binnenstad", "Een vraag over waar u woont.");
        TestData.User moderator = data.user(Role.MODERATOR);
        login(moderator);
        navigate("ideeen/" + idea);
        assertThat(_get(Button.class, s -> s.withId("idea-background")).getText())
                .isEqualTo("Achtergrondvraag maken");
        _click(_get(Button.class, s -> s.withId("idea-background")));
        assertThat(_get(FormMessage.class, s -> s.withClasses("error")).getText())
                .isNotBlank();
        assertThat(ideas.find(idea).orElseThrow().background()).isFalse();
        _setValue(_get(TextField.class, s -> s.withId("idea-moderation-reason")), "Vraag over de deelnemer");
        _click(_get(Button.class, s -> s.withId("idea-background")));
        assertThat(ideas.find(idea).orElseThrow().background()).isTrue();
        assertThat(pageHtml()).contains("Dit is een achtergrondvraag");
        assertThat(_get(Button.class, s -> s.withId("idea-background")).getText())
                .isEqualTo("Geen achtergrondvraag meer");
        assertThat(insights.isStale(c)).isTrue();
        assertThat(audit.find("BACKGROUND", null, 0, 10))
                .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("Vraag over de deelnemer"));
        _setValue(_get(TextField.class, s -> s.withId("idea-moderation-reason")), "Toch een mening");
        _click(_get(Button.class, s -> s.withId("idea-background")));
        assertThat(ideas.find(idea).orElseThrow().background()).isFalse();
        assertThat(pageHtml()).doesNotContain("Dit is een achtergrondvraag");
        // Residents cannot.
        login(data.user());
        Assertions.assertThatThrownBy(() -> moderation.markBackground(idea, true, "Zomaar"))
                .isInstanceOf(RuntimeException.class);
        assertThat(ideas.find(idea).orElseThrow().background()).isFalse();
    }
}

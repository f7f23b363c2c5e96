package org.inspraak.security;

import java.time.Instant;
import java.util.List;

import org.inspraak.IntegrationTest;
import org.inspraak.TextInput;
import org.inspraak.calendar.ContentCalendarService;
import org.inspraak.idea.AmountKind;
import org.inspraak.idea.IdeaService;
import org.inspraak.moderation.ModerationService;
import org.inspraak.reaction.ReactionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Red-team findings 8 and 12: invalid Unicode and titles that show nothing are refused everywhere text comes in. */
class TextInputTest extends IntegrationTest {

    @Autowired
    IdeaService ideas;

    @Autowired
    ReactionService reactions;

    @Autowired
    ModerationService moderation;

    @Autowired
    ContentCalendarService calendar;

    @Test
    void noncharactersLoneSurrogatesAndInvisibleTitlesAreRefused() {
        assertThat(TextInput.isUnsafe("Bomen \uFFFF planten")).isTrue();
        assertThat(TextInput.isUnsafe("Bomen \uFDD0 planten")).isTrue();
        assertThat(TextInput.isUnsafe("Half \uD83D paar")).isTrue();
        assertThat(TextInput.isUnsafe("Los \uDE00 laag")).isTrue();
        assertThat(TextInput.isUnsafe("Emoji 🌳 en accenten: één, café")).isFalse();
        assertThat(TextInput.showsNothing("\u200B\u200B\u3164 \uFEFF")).isTrue();
        assertThat(TextInput.printable("a\uFFFFb\uD83Dc🌳")).isEqualTo("abc🌳");

        long c = data.openConsultation();
        var author = loginNew();
        assertThatThrownBy(() -> ideas.post(c, form("Bomen \uFFFF planten")))
                .hasMessageContaining("error.text.control-characters");
        assertThatThrownBy(() -> ideas.post(c, form("\u200B\u200B\u200B\u3164\u3164\u3164\u200B\u200B")))
                .hasMessageContaining("error.idea.title-short");
        long idea = ideas.post(c, form("Meer bomen in de wijk"));
        assertThatThrownBy(() -> reactions.post(idea, null, "\u200B\u200B"))
                .hasMessageContaining("error.reaction.empty");
        assertThatThrownBy(() -> reactions.post(idea, null, "Goed \uDE00 idee"))
                .hasMessageContaining("error.text.control-characters");
        assertThat(author).isNotNull();
    }

    /** Staff texts go through the same check: guidelines, municipal updates, moderation reasons. */
    @Test
    void staffTextsAreCheckedToo() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        login(data.user(Role.ADMIN));
        assertThatThrownBy(() -> moderation.updateGuidelines("Regels \uFFFF"))
                .hasMessageContaining("error.text.control-characters");
        assertThatThrownBy(() -> calendar.plan(
                        c,
                        new ContentCalendarService.UpdateForm(
                                "Bericht \uDE00", List.of(), Instant.now().plusSeconds(3600), null, null, null)))
                .hasMessageContaining("error.text.control-characters");
        assertThatThrownBy(() -> moderation.lock(idea, true, "Reden \u202E omgekeerd"))
                .hasMessageContaining("error.text.control-characters");
    }

    private static IdeaService.IdeaForm form(String title) {
        return new IdeaService.IdeaForm(
                title, "Een beschrijving die lang genoeg is om te plaatsen.", null, null, AmountKind.SAVING, 100L);
    }
}

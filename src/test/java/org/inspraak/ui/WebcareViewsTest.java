package org.inspraak.ui;

import java.util.List;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.inspraak.KaribuTest;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.Role;
import org.inspraak.webcare.WebcareService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class WebcareViewsTest extends KaribuTest {

    @Autowired
    WebcareService webcare;

    @Autowired
    ReactionService reactions;

    @Test
    void aResidentAsksAndSeesTheAnswerDateAtOnce() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        login(data.user());
        navigate("ideeen/" + idea);
        _setValue(_get(TextArea.class, s -> s.withId("reaction-text")), "Wat kost dit per jaar?");
        _setValue(_get(Checkbox.class, s -> s.withId("reaction-as-question")), true);
        _click(_get(Button.class, s -> s.withId("reaction-post")));
        assertThat(_find(FormMessage.class).stream().map(FormMessage::getText))
                .anyMatch(t -> t.startsWith("Uw vraag is ontvangen. U krijgt uiterlijk"));
        assertThat(pageHtml()).contains("Vraag aan de gemeente · antwoord uiterlijk");
    }

    @Test
    void staffSeeOpenQuestionsAndAnswerThem() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        login(data.user());
        long earlier = reactions.post(idea, null, "Dit plan wordt veel te duur voor de wijk.", false);
        long r = reactions.post(idea, earlier, "Komt er een inspraakavond?", true);
        login(data.user(Role.MODERATOR));
        navigate("vragen");
        assertThat(_get(Paragraph.class, s -> s.withId("webcare-counts")).getText())
                .contains("open vra");
        long id = webcare.list(true, null, 0, 100).stream()
                .filter(q -> q.reactionId() == r)
                .findFirst()
                .orElseThrow()
                .id();
        @SuppressWarnings("unchecked")
        Grid<WebcareService.QuestionRow> grid = _get(Grid.class, s -> s.withId("webcare-grid"));
        int row = 0;
        while (GridKt._get(grid, row).id() != id) {
            row++;
        }
        var cell = GridKt._getCellComponent(grid, row, "actions");
        _click(_get(cell, Button.class, s -> s.withId("answer-" + id)));
        // The dialog shows what the question follows up on, and the whole question.
        assertThat(_get(Div.class, s -> s.withId("answer-question")).getText())
                .endsWith(": Komt er een inspraakavond?");
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .anyMatch(t -> t.startsWith("Bij het idee:"))
                .anyMatch(t -> t.endsWith(": Dit plan wordt veel te duur voor de wijk."));
        _setValue(_get(TextArea.class, s -> s.withId("answer-text")), "Ja, op 3 december in het stadhuis.");
        _click(_get(Button.class, s -> s.withId("answer-send")));
        assertThat(webcare.questionsOn(List.of(r)).get(r).answered()).isTrue();
    }
}

package org.inspraak.idea;

import org.inspraak.IntegrationTest;
import org.inspraak.TestData;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An idea's place: only inside the municipality, only by its author or staff, stored no finer than a metre. */
class IdeaPlaceTest extends IntegrationTest {

    @Autowired
    IdeaService ideas;

    @Test
    void theAuthorPointsOutAPlaceInsideTheMunicipality() {
        long c = data.openConsultation();
        TestData.User author = loginNew();
        long idea = data.idea(c, author);
        assertThat(ideas.place(idea)).isEmpty();
        ideas.setPlace(idea, new IdeaService.Place(51.4793123456, 5.6570987654));
        assertThat(ideas.place(idea)).contains(new IdeaService.Place(51.47931, 5.6571));
        assertThatThrownBy(() -> ideas.setPlace(idea, new IdeaService.Place(52.3676, 4.9041)))
                .hasMessageContaining("error.place.outside");
        assertThatThrownBy(() -> ideas.setPlace(idea, new IdeaService.Place(Double.NaN, 5.65)))
                .hasMessageContaining("error.place.outside");
        assertThat(ideas.place(idea)).contains(new IdeaService.Place(51.47931, 5.6571));

        loginNew();
        assertThatThrownBy(() -> ideas.setPlace(idea, new IdeaService.Place(51.48, 5.66)))
                .hasMessageContaining("error.forbidden");
        loginNew(Role.MODERATOR);
        ideas.setPlace(idea, null);
        assertThat(ideas.place(idea)).isEmpty();
    }
}

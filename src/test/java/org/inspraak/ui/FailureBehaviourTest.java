package org.inspraak.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import org.hibernate.search.util.common.SearchException;
import org.inspraak.KaribuTest;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.search.SearchService;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

/** When the database fails while a page is built, people see a friendly page with an incident code. */
class FailureBehaviourTest extends KaribuTest {

    @MockitoSpyBean
    ConsultationService consultations;

    @MockitoSpyBean
    SearchService search;

    @Test
    void aDatabaseFailureShowsAFriendlyPageWithAnIncidentCode() {
        when(consultations.find(anyLong())).thenThrow(new DataAccessResourceFailureException("database unreachable"));
        navigate("gesprekken/1");
        assertThat(_get(H1.class, s -> s.withText("Er ging iets mis"))).isNotNull();
        assertThat(_get(Paragraph.class, s -> s.withId("incident-code")).getText())
                .matches(".*: [0-9A-F]{8}");
        assertThat(pageHtml()).doesNotContain("database unreachable").doesNotContain("Exception");
    }

    @Test
    void anIndexFailureShowsAFriendlyPageAndTheCauseStaysInTheLog() {
        when(search.search(
                        ArgumentMatchers.anyString(),
                        ArgumentMatchers.any(),
                        ArgumentMatchers.anyInt(),
                        ArgumentMatchers.anyInt()))
                .thenThrow(new SearchException("index segment unreadable"));
        navigate("zoeken?q=bibliotheek");
        assertThat(_get(H1.class, s -> s.withText("Er ging iets mis"))).isNotNull();
        assertThat(pageHtml()).doesNotContain("index segment unreadable").doesNotContain("Exception");
    }
}

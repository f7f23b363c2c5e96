package org.inspraak.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import org.inspraak.KaribuTest;
import org.inspraak.consultation.ConsultationService;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** When the database fails while a page is built, people see a friendly page with an incident code. */
class FailureBehaviourTest extends KaribuTest {

    @MockitoSpyBean
    ConsultationService consultations;
    @MockitoSpyBean
    org.inspraak.search.SearchService search;

    @Test
    void aDatabaseFailureShowsAFriendlyPageWithAnIncidentCode() {
        when(consultations.find(anyLong())).thenThrow(new DataAccessResourceFailureException("database unreachable"));
        navigate("gesprekken/1");
        assertThat(_get(H1.class, s -> s.withText("Er ging iets mis"))).isNotNull();
        assertThat(_get(Paragraph.class, s -> s.withId("incident-code")).getText()).matches(".*: [0-9A-F]{8}");
        assertThat(pageHtml()).doesNotContain("database unreachable").doesNotContain("Exception");
    }

    @Test
    void anIndexFailureShowsAFriendlyPageAndTheCauseStaysInTheLog() {
        when(search.search(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.anyInt(), org.mockito.ArgumentMatchers.anyInt()))
                .thenThrow(new org.hibernate.search.util.common.SearchException("index segment unreadable"));
        navigate("zoeken?q=bibliotheek");
        assertThat(_get(H1.class, s -> s.withText("Er ging iets mis"))).isNotNull();
        assertThat(pageHtml()).doesNotContain("index segment unreadable").doesNotContain("Exception");
    }
}

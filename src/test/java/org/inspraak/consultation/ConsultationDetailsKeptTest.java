package org.inspraak.consultation;

import java.util.List;

import org.inspraak.IntegrationTest;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.consultation.ConsultationService.ConsultationForm;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Consultations are kept for a while for the pages; what an admin changes shows at once, and only once committed. */
class ConsultationDetailsKeptTest extends IntegrationTest {

    @Autowired
    ConsultationService consultations;

    @Autowired
    PlatformTransactionManager transactions;

    private ConsultationForm form(String title, List<String> themes) {
        return data.ideasPhaseForm(title, themes, false);
    }

    @Test
    void anAdminsChangeShowsAtOnceAndARolledBackOneNever() {
        loginNew(Role.ADMIN);
        long id = consultations.create(form("Eerste titel", List.of("Groen")));
        ConsultationDetails draft = consultations.find(id).orElseThrow();
        assertThat(draft.published()).isFalse();
        assertThat(draft.title()).isEqualTo("Eerste titel");

        consultations.update(id, form("Tweede titel", List.of("Groen", "Verkeer")));
        ConsultationDetails updated = consultations.find(id).orElseThrow();
        assertThat(updated.title()).isEqualTo("Tweede titel");
        assertThat(updated.themes())
                .extracting(ConsultationService.ThemeRef::name)
                .containsExactly("Groen", "Verkeer");
        assertThat(consultations.titles(List.of(id))).containsEntry(id, "Tweede titel");

        consultations.publish(id, null);
        assertThat(consultations.find(id).orElseThrow().published()).isTrue();

        // A reader inside the changing transaction sees the change, but it must not stay kept after a rollback.
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            consultations.update(id, form("Nooit opgeslagen", List.of("Groen", "Verkeer")));
            assertThat(consultations.find(id).orElseThrow().title()).isEqualTo("Nooit opgeslagen");
            status.setRollbackOnly();
        });
        assertThat(consultations.find(id).orElseThrow().title()).isEqualTo("Tweede titel");
        assertThat(consultations.titles(List.of(id))).containsEntry(id, "Tweede titel");
    }
}

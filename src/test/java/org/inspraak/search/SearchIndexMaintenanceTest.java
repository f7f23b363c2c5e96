package org.inspraak.search;

import java.time.Duration;

import jakarta.persistence.EntityManagerFactory;
import org.awaitility.Awaitility;
import org.hibernate.search.mapper.orm.Search;
import org.inspraak.IntegrationTest;
import org.inspraak.idea.Idea;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class SearchIndexMaintenanceTest extends IntegrationTest {

    @Autowired
    SearchIndexMaintenance maintenance;

    @Autowired
    SearchService search;

    @Autowired
    EntityManagerFactory emf;

    @Test
    void aLostIndexIsDetectedAndRebuiltInTheBackground() throws Exception {
        long c = data.openConsultation();
        data.idea(c, data.user(), "Zonnepanelen op de sporthal", "Zonnepanelen op alle gemeentelijke daken.");
        assertThat(maintenance.inStep()).isTrue();
        // Simulate a lost or restored index: drop all documents while the database keeps its rows.
        Search.mapping(emf).scope(Idea.class).workspace().purge();
        assertThat(maintenance.inStep()).isFalse();
        assertThat(search.search("zonnepaneel", new SearchService.Filters(c, null, null, null), 0, 10)
                        .total())
                .isZero();

        assertThat(maintenance.rebuildInBackground()).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> !maintenance.isRebuilding());
        assertThat(maintenance.inStep()).isTrue();
        assertThat(search.search("zonnepaneel", new SearchService.Filters(c, null, null, null), 0, 10)
                        .total())
                .isEqualTo(1);
    }
}

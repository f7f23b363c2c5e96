package org.inspraak.search;

import org.inspraak.IntegrationTest;
import org.inspraak.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Admin-kept synonyms: validated, applied to queries at once, and only admins change them. */
class SynonymServiceTest extends IntegrationTest {

    @Autowired
    SynonymService synonyms;

    @Autowired
    SearchService search;

    @AfterEach
    void logout() {
        data.logout();
    }

    @Test
    void theShippedGroupsWidenAQueryWithoutNarrowingIt() {
        assertThat(synonyms.expand("bieb")).isEqualTo("bieb bibliotheek");
        assertThat(synonyms.expand("Bus naar het ziekenhuis"))
                .startsWith("Bus naar het ziekenhuis")
                .contains("ov", "\"openbaar vervoer\"");
        assertThat(synonyms.expand("openbaar vervoer")).contains(" ov", " bus");
        assertThat(synonyms.expand("busvervoer")).as("whole words only").isEqualTo("busvervoer");
        assertThat(synonyms.expand("fietspad")).isEqualTo("fietspad");
    }

    @Test
    void anAdminsNewGroupWorksAtOnceWithoutReindexing() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user(), "Meer afvalcontainers bij de flats", "Overal ligt zwerfvuil.");
        SearchService.Filters inThis = new SearchService.Filters(c, null, null, null);
        assertThat(search.search("kliko", inThis, 0, 10).total()).isZero();
        data.authenticate(data.user(Role.ADMIN));
        long id = synonyms.save(null, "Kliko,  afvalcontainer , kliko");
        assertThat(synonyms.list()).anySatisfy(g -> {
            assertThat(g.id()).isEqualTo(id);
            assertThat(g.terms()).containsExactly("kliko", "afvalcontainer");
        });
        assertThat(search.search("kliko", inThis, 0, 10).hits())
                .extracting(SearchService.Hit::ideaId)
                .containsExactly(idea);
        synonyms.delete(id);
        assertThat(search.search("kliko", inThis, 0, 10).total()).isZero();
    }

    @Test
    void badGroupsAreRefusedWithAReason() {
        data.authenticate(data.user(Role.ADMIN));
        assertThatThrownBy(() -> synonyms.save(null, "bieb")).hasMessageContaining("error.synonym.too-few");
        assertThatThrownBy(() -> synonyms.save(null, "bieb, bieb")).hasMessageContaining("error.synonym.too-few");
        assertThatThrownBy(() -> synonyms.save(null, "bieb, <script>")).hasMessageContaining("error.synonym.term");
        assertThatThrownBy(() -> synonyms.save(null, "a\u202Eb, c"))
                .hasMessageContaining("error.text.control-characters");
        assertThatThrownBy(() -> synonyms.save(null, "x".repeat(501))).hasMessageContaining("error.synonym.too-long");
        assertThatThrownBy(() -> synonyms.save(
                        null,
                        String.join(",", java.util.Collections.nCopies(21, "a")).replace("a", "w")))
                .hasMessageContaining("error.synonym");
    }

    @Test
    void onlyAdminsChangeThem() {
        data.authenticate(data.user(Role.MODERATOR));
        assertThatThrownBy(() -> synonyms.save(null, "bieb, boekerij")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> synonyms.delete(1)).isInstanceOf(AccessDeniedException.class);
    }
}

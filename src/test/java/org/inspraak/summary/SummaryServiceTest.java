package org.inspraak.summary;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.inspraak.InspraakException;
import org.inspraak.IntegrationTest;
import org.inspraak.TestData;
import org.inspraak.idea.AmountKind;
import org.inspraak.idea.IdeaService;
import org.inspraak.insight.InsightService;
import org.inspraak.insight.OpenDataExport;
import org.inspraak.insight.OpinionGroups;
import org.inspraak.polis.PolisFolder;
import org.inspraak.polis.PolisImportService;
import org.inspraak.security.Role;
import org.inspraak.vote.VoteChoice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drafting, review by a second moderator, publication, versions and citations. */
class SummaryServiceTest extends IntegrationTest {

    @Autowired
    SummaryService summaries;

    @Autowired
    PolisImportService importer;

    @Autowired
    InsightService insights;

    @Autowired
    IdeaService ideas;

    @Autowired
    OpenDataExport openData;

    private long importedConsultation() throws Exception {
        data.authenticate(data.user(Role.ADMIN));
        return importer.importFolder(Path.of("src/test/resources/polis/brexit-consensus"), p -> {})
                .consultationId();
    }

    @Test
    void draftCitesIdeasAndNeedsASecondModeratorToPublish() throws Exception {
        long c = importedConsultation();
        TestData.User writer = data.user(Role.MODERATOR);
        data.authenticate(writer);
        long s = summaries.create(c, "Brexit: wat delen we?", Locale.forLanguageTag("nl"));
        String draft = summaries.find(s).orElseThrow().latest().orElseThrow().body();
        // A note in whole sentences: every cited idea is named by its title, and nothing is left to fill in.
        assertThat(draft)
                .contains(
                        "## De vraag",
                        "## Deelname",
                        "## Waar inwoners het over eens zijn",
                        "## Waar de meningen uiteenlopen",
                        "## Meningsgroepen",
                        "## Vragen aan de gemeente",
                        "Inwoners stelden in dit gesprek geen vragen aan de gemeente.")
                .doesNotContain("Vul aan", "{", "}")
                .containsPattern("(legde|legt) .+ deze vraag voor aan inwoners:\\n\\n> ")
                .containsPattern("Aan het gesprek deden [0-9.]+ inwoners mee\\. Er zijn [0-9.]+ ideeën ingediend");
        // Ideas are named by their citation, which readers show as the idea's title; the theme list is in sentences.
        assertThat(draft).containsPattern("Het meest gesteund is \\[idee \\d+\\]\\.");
        assertThat(summaries.citations(draft)).isNotEmpty().allMatch(SummaryService.Citation::resolved);

        summaries.save(s, draft + "\nExtra alinea van de moderator.");
        summaries.submit(s);
        assertThatThrownBy(() -> summaries.approve(s))
                .isInstanceOf(InspraakException.class)
                .extracting(e -> ((InspraakException) e).key())
                .isEqualTo("error.summary.own-approval");
        assertThatThrownBy(() -> summaries.save(s, "iets anders"))
                .extracting(e -> ((InspraakException) e).key())
                .isEqualTo("error.summary.in-review");

        data.authenticate(data.user(Role.MODERATOR));
        summaries.approve(s);
        SummaryService.SummaryInfo info = summaries.find(s).orElseThrow();
        assertThat(info.published()).isPresent();
        assertThat(info.published().get().number()).isEqualTo(2);
        assertThat(summaries.versions(s)).hasSize(2);
        assertThat(summaries.compare(
                        info.published().get().id() - 1, info.published().get().id()))
                .contains("+ Extra alinea van de moderator.");

        // Editing after publication makes a new draft; the published text does not change.
        summaries.save(s, "Nieuwe tekst");
        assertThat(summaries.find(s).orElseThrow().published().orElseThrow().body())
                .contains("Extra alinea");

        TestData.User council = data.user(Role.COUNCIL_MEMBER);
        data.authenticate(council);
        assertThat(summaries.published()).anySatisfy(p -> {
            assertThat(p.summaryId()).isEqualTo(s);
            assertThat(p.read()).isFalse();
        });
        summaries.markRead(info.published().get().id());
        assertThat(summaries.published()).filteredOn(p -> p.summaryId() == s).allMatch(SummaryService.Published::read);
    }

    @Autowired
    org.inspraak.reaction.ReactionService reactions;

    @Autowired
    org.inspraak.consultation.ConsultationService consultations;

    @Autowired
    org.inspraak.vote.VoteService votes;

    @Autowired
    org.inspraak.webcare.WebcareService webcare;

    @Test
    void theDraftSaysHowManyQuestionsOfThisConsultationStillWait() {
        long c = data.openConsultation();
        long other = data.openConsultation();
        TestData.User author = data.user();
        long elsewhere = data.idea(other, author);
        data.authenticate(author);
        Map<String, Long> themes = new java.util.HashMap<>();
        consultations.themes(c).forEach(t -> themes.put(t.name(), t.id()));
        long idea = ideas.post(
                c,
                new IdeaService.IdeaForm(
                        "Een waterspeelplaats in het park",
                        "Voor warme zomerdagen in de wijk.",
                        themes.get("Groen"),
                        null,
                        AmountKind.COST,
                        40_000L));
        long unvoted = ideas.post(
                c,
                new IdeaService.IdeaForm(
                        "Een zebrapad bij de basisschool",
                        "Zodat kinderen veilig kunnen oversteken.",
                        themes.get("Verkeer"),
                        null,
                        AmountKind.COST,
                        15_000L));
        votes.voteAs(data.user().id(), idea, VoteChoice.AGREE);
        votes.voteAs(data.user().id(), idea, VoteChoice.AGREE);
        votes.voteAs(data.user().id(), idea, VoteChoice.DISAGREE);
        votes.catchUpCounts();
        loginNew();
        reactions.post(idea, null, "Wie betaalt het onderhoud van de pomp?", true);
        reactions.post(idea, null, "Komt er ook schaduw bij de speelplaats?", true);
        reactions.post(elsewhere, null, "Geldt dit voor de hele stad?", true);

        data.authenticate(data.user(Role.MODERATOR));
        assertThat(webcare.tally(c)).isEqualTo(new org.inspraak.webcare.WebcareService.QuestionTally(2, 2, 0));
        long first = webcare.list(true, null, 0, 10).stream()
                .filter(q -> q.ideaId() == idea)
                .findFirst()
                .orElseThrow()
                .id();
        webcare.answer(first, "Het onderhoud valt onder de afdeling Groen.");
        String draft = summaries.draftFromInsights(c, Locale.forLanguageTag("nl"));
        assertThat(draft)
                .contains("Inwoners stelden 2 vragen aan de gemeente. Daarvan staat er nog één open.")
                .contains("Er zijn 2 ideeën ingediend, 3 stemmen uitgebracht")
                // The consultation's own themes, which residents chose, with the share of agreeing votes.
                .contains("Inwoners deelden hun ideeën in onder 2 thema's van het gesprek:")
                .contains("- **Groen**: 1 idee, 67% van de stemmen eens. Het meest gesteund is [idee " + idea + "].")
                .contains("- **Verkeer**: 1 idee, nog zonder stemmen.\n")
                .doesNotContain("[idee " + unvoted + "]");
        assertThat(summaries.draftFromInsights(c, Locale.ENGLISH))
                .contains("## Questions to the municipality", "Residents asked the municipality 2 questions.");
    }

    @Test
    void unresolvedCitationsBlockPublication() throws Exception {
        long c = importedConsultation();
        long hidden = ideas.allFor(c).stream()
                .filter(IdeaService.IdeaSummary::hidden)
                .findFirst()
                .map(IdeaService.IdeaSummary::id)
                .orElse(-1L);
        data.authenticate(data.user(Role.MODERATOR));
        long s = summaries.create(c, "Test", Locale.ENGLISH);
        summaries.save(s, "Zie [idee 999999999].");
        assertThatThrownBy(() -> summaries.submit(s))
                .extracting(e -> ((InspraakException) e).key())
                .isEqualTo("error.summary.unresolved");
        if (hidden > 0) {
            assertThat(summaries.citations("[idee " + hidden + "]").getFirst().resolved())
                    .isFalse();
        }
        assertThatThrownBy(() -> summaries.save(s, "  "))
                .extracting(e -> ((InspraakException) e).key())
                .isEqualTo("error.summary.body-empty");
    }

    @Test
    void residentsCannotReadOrWriteSummariesOrInsights() throws Exception {
        long c = importedConsultation();
        data.authenticate(data.user());
        assertThatThrownBy(() -> summaries.create(c, "x", Locale.ENGLISH)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> summaries.published()).isInstanceOf(InspraakException.class);
        assertThatThrownBy(() -> insights.latest(c)).isInstanceOf(InspraakException.class);
        assertThatThrownBy(() -> openData.json(c)).isInstanceOf(InspraakException.class);
    }

    @Test
    void importCarriesAttributionAndOpenDataHasNoPersonalData() throws Exception {
        long c = importedConsultation();
        data.authenticate(data.user(Role.COUNCIL_MEMBER));
        String json = openData.json(c);
        assertThat(json).contains("CC BY 4.0", "The Computational Democracy Project", "\"participant\" : 1");
        assertThat(json).doesNotContain("@example", "birth", "client_ip");
        assertThat(openData.ideasCsv(c).lines().findFirst().orElseThrow()).startsWith("idea_id,title");
        InsightService.Insights in = insights.computeNow(c);
        // The same groups through the database as the engine finds on the export's files, with the k that the
        // conversation's history settled on (brexit: 2, as Polis shows; 3 win the silhouette on the final votes).
        PolisFolder brexit = PolisFolder.read(Path.of("src/test/resources/polis/brexit-consensus"));
        OpinionGroups.Result direct = OpinionGroups.compute(brexit.matrix(), brexit.history(p -> {}));
        assertThat(direct.k()).isEqualTo(2);
        assertThat(in.groups()).hasSize(direct.k());
        assertThat(in.ideaCount()).isEqualTo(50);
        assertThat(in.voteCount()).isEqualTo(5303);
    }
}

package org.inspraak.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.inspraak.IntegrationTest;
import org.inspraak.TestData;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaStatus;
import org.inspraak.neighbourhood.NeighbourhoodService;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class SearchServiceTest extends IntegrationTest {

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    SearchService search;

    @Autowired
    ReactionService reactions;

    @Autowired
    IdeaService ideas;

    @Autowired
    NeighbourhoodService neighbourhoods;

    @Test
    void dutchStemmingFindsInflectedForms() {
        long c = data.openConsultation();
        long idea = data.idea(
                c,
                data.user(),
                "Slimme bezuinigingen op straatverlichting",
                "Lantaarnpalen dimmen na middernacht scheelt stroom.");
        SearchService.Page page = search.search("bezuiniging", new SearchService.Filters(c, null, null, null), 0, 10);
        assertThat(page.hits()).extracting(SearchService.Hit::ideaId).containsExactly(idea);
        assertThat(page.hits().getFirst().titleHtml()).contains("<mark>bezuinigingen</mark>");
        assertThat(search.search("lantaarnpaal", new SearchService.Filters(c, null, null, null), 0, 10)
                        .total())
                .isEqualTo(1);
    }

    @Test
    void highlightsAreHtmlEscaped() {
        long c = data.openConsultation();
        data.idea(
                c, data.user(), "Parkeren <script>alert(1)</script>", "Parkeren & verkeer <b>vet</b> in het centrum.");
        SearchService.Hit hit = search.search("parkeren", new SearchService.Filters(c, null, null, null), 0, 10)
                .hits()
                .getFirst();
        assertThat(hit.titleHtml()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(hit.snippetHtml()).doesNotContain("<b>").contains("&lt;b&gt;");
    }

    /** A field that does not match comes back as its start (noMatchSize), which Lucene does not encode. */
    @Test
    void fieldsThatDoNotMatchAreEscapedToo() {
        long c = data.openConsultation();
        data.idea(
                c,
                data.user(),
                "<svg><animate onbegin=alert(document.domain) attributeName=x dur=1s>",
                "Meer kastanjebomen in het stadspark");
        data.idea(c, data.user(), "Meer kastanjebomen <img src=x onerror=alert(1)>", "<b>Bomen</b> & <i>groen</i>");
        for (SearchService.Hit hit : search.search(
                        "kastanjebomen", new SearchService.Filters(c, null, null, null), 0, 10)
                .hits()) {
            for (String html : List.of(hit.titleHtml(), hit.snippetHtml())) {
                assertThat(html.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<");
            }
        }
        SearchService.Page page = search.search("kastanjebomen", new SearchService.Filters(c, null, null, null), 0, 10);
        assertThat(page.hits()).hasSize(2);
        assertThat(page.hits())
                .extracting(SearchService.Hit::titleHtml)
                .anySatisfy(t -> assertThat(t).contains("&lt;svg&gt;"));
        assertThat(SearchService.safeFragment("<mark>a</mark><script>x</script><mark onclick=y>b</mark>"))
                .isEqualTo("<mark>a</mark><mark>b</mark>");
    }

    @Test
    void englishAnalysisAndReactionsAlsoMatch() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user(), "Parking fees per minute", "Paying per minute is fairer for visitors.");
        long other = data.idea(c, data.user(), "Meer groen in de wijk", "Bomen planten in plaats van tegels.");
        reactions.postAs(
                data.user().id(),
                false,
                other,
                null,
                "Dan moet de gemeente ook de riolering aanpassen.",
                Instant.now());
        SearchService.Filters inThis = new SearchService.Filters(c, null, null, null);
        assertThat(search.search("visitor", inThis, 0, 10).hits())
                .extracting(SearchService.Hit::ideaId)
                .containsExactly(idea);
        SearchService.Page viaReaction = search.search("riolering", inThis, 0, 10);
        assertThat(viaReaction.hits()).extracting(SearchService.Hit::ideaId).containsExactly(other);
        assertThat(viaReaction.hits().getFirst().matchedInReaction()).isTrue();
        assertThat(viaReaction.hits().getFirst().snippetHtml()).contains("<mark>riolering</mark>");
    }

    /** Reaction texts are not stored in the index: their passages come from the database, marked the same way. */
    @Test
    void reactionPassagesAreMarkedLikeTheIndexReadsThemAndEscaped() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user(), "Minder tegels", "Tuinen vergroenen.");
        String before = "Vorig jaar stond de hele straat blank na een hoosbui, en dat gebeurt elk voorjaar opnieuw. ";
        reactions.postAs(
                data.user().id(),
                false,
                idea,
                null,
                before + before + "Dan moeten <b>de</b> putten & riolen vaker worden schoongemaakt.",
                Instant.now());
        SearchService.Hit hit = search.search("put", new SearchService.Filters(c, null, null, null), 0, 10)
                .hits()
                .getFirst();
        assertThat(hit.matchedInReaction()).isTrue();
        // Stemmed as the index stems it (putten, put), the passage around the match, markup escaped.
        assertThat(hit.snippetHtml())
                .contains("<mark>putten</mark>")
                .contains("&lt;b&gt;de&lt;/b&gt;")
                .contains("&amp;")
                .doesNotContain("<b>");
        assertThat(hit.snippetHtml().replace("<mark>", "").replace("</mark>", ""))
                .hasSizeLessThanOrEqualTo(Passages.SIZE + 40);
    }

    @Test
    void pagesOfHitsAreThePagesOfTheSearch() {
        long c = data.openConsultation();
        SearchService.Filters inThis = new SearchService.Filters(c, null, null, null);
        for (int i = 0; i < 7; i++) {
            data.idea(
                    c,
                    data.user(),
                    "Speeltuin " + i + " opknappen",
                    "Nieuwe toestellen in speeltuin nummer " + i + ".");
        }
        long viaReaction = data.idea(c, data.user(), "Minder tegels", "Tuinen vergroenen.");
        reactions.postAs(data.user().id(), false, viaReaction, null, "En een speeltuin erbij.", Instant.now());
        SearchService.Page all = search.search("speeltuin", inThis, 0, 20);
        assertThat(all.total()).isEqualTo(8);
        assertThat(search.hits("speeltuin", inThis, 0, 20)).isEqualTo(all.hits());
        assertThat(search.hits("speeltuin", inThis, 3, 4)).isEqualTo(all.hits().subList(3, 7));
        assertThat(all.hits())
                .filteredOn(SearchService.Hit::matchedInReaction)
                .extracting(SearchService.Hit::ideaId)
                .containsExactly(viaReaction);
        assertThat(search.hits("  ", inThis, 0, 20)).isEmpty();
    }

    /** An idea found because a compound holds the query word shows that compound marked. */
    @Test
    void compoundsThatHoldTheQueryWordAreMarked() {
        long c = data.openConsultation();
        SearchService.Filters inThis = new SearchService.Filters(c, null, null, null);
        long idea = data.idea(
                c,
                data.user(),
                "Straatverlichting dimmen na middernacht",
                "Bij de lichtmasten in de wijk scheelt dat stroom.");
        SearchService.Hit hit =
                search.search("verlichting", inThis, 0, 10).hits().getFirst();
        assertThat(hit.ideaId()).isEqualTo(idea);
        assertThat(hit.titleHtml()).isEqualTo("<mark>Straatverlichting</mark> dimmen na middernacht");
        // A word that only shares a part with the query word is not marked.
        assertThat(hit.snippetHtml()).doesNotContain("<mark>");
        // Whole words still mark as they did, and take precedence.
        assertThat(search.search("dimmen", inThis, 0, 10).hits().getFirst().titleHtml())
                .isEqualTo("Straatverlichting <mark>dimmen</mark> na middernacht");
    }

    @Test
    void aPassageWithoutMatchIsTheTextsStart() {
        Passages passages = new Passages(SearchAnalysis.lucene(SearchAnalysis.DUTCH));
        assertThat(passages.passage("bibliotheek", "Over de bieb <i>zelf</i>.")).isEqualTo("Over de bieb <i>zelf</i>.");
        assertThat(SearchService.safeFragment(passages.passage("bibliotheek", "Over de bieb <i>zelf</i>.")))
                .isEqualTo("Over de bieb &lt;i&gt;zelf&lt;/i&gt;.");
        assertThat(passages.passage("de het een", "Alleen stopwoorden gezocht."))
                .isEqualTo("Alleen stopwoorden gezocht.");
        assertThat(passages.passage("bomen", "Meer bomen in de straat."))
                .isEqualTo("Meer <mark>bomen</mark> in de straat.");
        // A passage out of a longer text says so at the end it leaves out, and keeps accented letters readable.
        String sentence = "Een café aan het plein trekt bezoekers naar het centrum. ";
        String passage =
                passages.marker("bomen").best(sentence.repeat(3) + "Plant er bomen. " + sentence.repeat(3), 80);
        assertThat(passage).startsWith("… ").endsWith(" …").contains("<mark>bomen</mark>");
        assertThat(SearchService.safeFragment(passages.marker("café").best(sentence.repeat(5), 60)))
                .startsWith("Een <mark>café</mark>")
                .endsWith(" …");
    }

    /**
     * The embedded index counts a search's total and facets with Lucene's facet module, and finds the best reactions
     * with Lucene directly, from queries written apart from the ones the search cluster runs through Hibernate Search:
     * both must count the same ideas under every filter, and find the same reactions' ideas in the same order.
     */
    @Test
    void countsFromTheIndexAreTheAggregationsCounts() {
        long c = data.openConsultation();
        long other = data.openConsultation();
        long north = neighbourhoods.createUnchecked("Noord " + TestData.next());
        long south = neighbourhoods.createUnchecked("Zuid " + TestData.next());
        long author = data.user().id();
        long garage =
                post(author, c, "Parkeergarage aan de rand", "Parkeren buiten het centrum, met een pendelbus.", north);
        post(author, c, "Parkeertarief omlaag", "Goedkoper parkeren voor bewoners van de binnenstad.", south);
        long bieb = post(author, other, "Bieb langer open", "De bibliotheek is de huiskamer van de wijk.", north);
        post(author, other, "Sporthal delen met scholen", "Sportclubs en scholen gebruiken de sporthal samen.", null);
        post(author, c, "Buurtbus in plaats van lege grote bussen", "Kleine bussen rijden vaker.", south);
        data.authenticate(data.user(Role.MODERATOR));
        ideas.setStatus(garage, IdeaStatus.UNDER_CONSIDERATION, "We rekenen het door.");
        ideas.setStatus(bieb, IdeaStatus.SELECTED, "De openingstijden worden ruimer.");
        List<SearchService.Filters> filters = List.of(
                SearchService.Filters.NONE,
                new SearchService.Filters(c, null, null, null),
                new SearchService.Filters(other, null, north, null),
                new SearchService.Filters(null, null, south, null),
                new SearchService.Filters(null, null, null, IdeaStatus.UNDER_CONSIDERATION),
                new SearchService.Filters(c, null, north, IdeaStatus.UNDER_CONSIDERATION));
        for (String typed : List.of(
                "parkeren",
                "parkeergarage",
                "bibliotheek",
                "sport scholen",
                "bus",
                "\"lege grote bussen\"",
                "parkeren -tarief",
                "park*",
                "parkeergarrage",
                "de")) {
            String q = search.expanded(typed);
            List<List<String>> parts = search.informativeParts(q);
            for (SearchService.Filters f : filters) {
                assertThat(search.ownCounts(q, parts, f))
                        .as("%s with %s", typed, f)
                        .isEqualTo(search.ownCountsByAggregations(q, parts, f));
            }
        }
        // The ideas found through a reaction only, counted from the index directly and by the aggregations.
        long quiet = post(author, c, "Meer bankjes", "Langs de singel.", south);
        reactions.postAs(
                author, false, quiet, null, "Dan kunnen bezoekers van de parkeergarage even zitten.", Instant.now());
        reactions.postAs(author, false, garage, null, "Parkeren moet betaalbaar blijven.", Instant.now());
        reactions.postAs(author, false, bieb, null, "Een bieb met een parkeerplaats voor fietsen.", Instant.now());
        for (String typed : List.of("parkeren", "parkeergarage", "bibliotheek", "fietsen", "zitten bieb")) {
            String q = search.expanded(typed);
            List<List<String>> parts = search.informativeParts(q);
            Set<Long> via = search.reactionMatches(q);
            assertThat(via).as(typed).containsExactlyElementsOf(search.reactionMatchesByDsl(q));
            for (SearchService.Filters f : filters) {
                assertThat(search.onlyViaReactions(via, q, parts, f))
                        .as("%s with %s", typed, f)
                        .isEqualTo(search.onlyViaReactionsByAggregations(via, q, parts, f));
            }
        }
        assertThat(search.onlyViaReactions(
                                search.reactionMatches("parkeergarage"),
                                "parkeergarage",
                                search.informativeParts("parkeergarage"),
                                new SearchService.Filters(c, null, null, null))
                        .facets()
                        .neighbourhoods())
                .isEqualTo(Map.of(south, 1L));

        SearchCounts.Counted parking = search.ownCounts(
                search.expanded("parkeren"),
                search.informativeParts(search.expanded("parkeren")),
                new SearchService.Filters(c, null, null, null));
        assertThat(parking.total()).isEqualTo(2);
        assertThat(parking.facets().neighbourhoods()).containsEntry(north, 1L).containsEntry(south, 1L);
        assertThat(parking.facets().statuses())
                .containsEntry(IdeaStatus.UNDER_CONSIDERATION, 1L)
                .containsEntry(IdeaStatus.SUBMITTED, 1L);
    }

    /**
     * The embedded index keeps the counts of segments that did not change. A new idea, a changed status and a hidden
     * idea must each show in the very next search's total and facets all the same, also when the changed idea shares
     * its index segment with others (posted in one transaction, they are written as one segment).
     */
    @Test
    void keptCountsFollowEveryChangeToTheIndex() {
        long c = data.openConsultation();
        SearchService.Filters inThis = new SearchService.Filters(c, null, null, null);
        long author = data.user().id();
        long[] posted = new TransactionTemplate(transactions).execute(tx -> new long[] {
            post(author, c, "Waterspeelplaats in het park", "Kinderen spelen er in de zomer.", null),
            post(author, c, "Nog een waterspeelplaats", "Ook een in de wijk ten noorden.", null),
            post(author, c, "Bankjes in het park", "Om even uit te rusten.", null)
        });
        long first = posted[0];
        long second = posted[1];
        SearchService.Page both = search.search("waterspeelplaats", inThis, 0, 10);
        assertThat(both.total()).isEqualTo(2);
        assertThat(both.facets().statuses()).isEqualTo(Map.of(IdeaStatus.SUBMITTED, 2L));

        long third = post(author, c, "Een derde waterspeelplaats", "Bij de school.", null);
        assertThat(search.search("waterspeelplaats", inThis, 0, 10).total()).isEqualTo(3);

        data.authenticate(data.user(Role.MODERATOR));
        ideas.setStatus(first, IdeaStatus.SELECTED, "Komt in de begroting.");
        assertThat(search.search("waterspeelplaats", inThis, 0, 10).facets().statuses())
                .isEqualTo(Map.of(IdeaStatus.SUBMITTED, 2L, IdeaStatus.SELECTED, 1L));

        ideas.hideUnchecked(second, "Dubbel");
        ideas.hideUnchecked(third, "Dubbel");
        SearchService.Page one = search.search("waterspeelplaats", inThis, 0, 10);
        assertThat(one.total()).isEqualTo(1);
        assertThat(one.facets().statuses()).isEqualTo(Map.of(IdeaStatus.SELECTED, 1L));
        assertThat(one.facets().consultations()).isEqualTo(Map.of(c, 1L));
    }

    /**
     * A word part that is common across the whole index is left out of an unfiltered search, as stop words are; but
     * within one consultation it may be what finds a compound, so there it is counted among that consultation's ideas.
     */
    @Test
    void aPartCommonInTheWholeIndexStillFindsCompoundsWithinOneConsultation() {
        long busy = data.openConsultation();
        long small = data.openConsultation();
        long author = data.user().id();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            for (int i = 0; i < SearchService.COMMON_PART_MIN + 10; i++) {
                post(author, busy, "Stadsimkerij " + i, "Bijen houden op een dak in de stad.", null);
            }
        });
        long school = post(author, small, "Schoolimkerij bij de basisschool", "Leerlingen leren over bijen.", null);
        SearchService.Filters inSmall = new SearchService.Filters(small, null, null, null);

        // The part "imkerij" is indexed as "imker", stemmed.
        assertThat(search.informativeParts("imkerij"))
                .allSatisfy(parts -> assertThat(parts).doesNotContain("imker"));
        assertThat(search.informativeParts("imkerij", inSmall))
                .anySatisfy(parts -> assertThat(parts).contains("imker"));
        assertThat(search.search("imkerij", inSmall, 0, 10).hits())
                .extracting(SearchService.Hit::ideaId)
                .containsExactly(school);
    }

    private long post(long author, long consultation, String title, String description, Long neighbourhood) {
        return ideas.postAs(
                author,
                consultation,
                new IdeaService.IdeaForm(title, description, null, neighbourhood, null, null),
                Instant.now());
    }

    @Test
    void facetsCountPerConsultationAndEmptyQueriesFindNothing() {
        long c = data.openConsultation();
        TestData.User u = data.user();
        data.idea(c, u, "Fietspaden herstellen", "Fietspaden vol boomwortels zijn gevaarlijk.");
        data.idea(c, u, "Fietsenstalling bij station", "Meer fietsenstallingen bij het station.");
        // A word only the first idea holds: "fietspad" itself now also finds the fietsenstalling (fiets + pad).
        SearchService.Page page = search.search("boomwortels", SearchService.Filters.NONE, 0, 10);
        assertThat(page.facets().consultations()).containsEntry(c, 1L);
        assertThat(search.search("   ", SearchService.Filters.NONE, 0, 10).total())
                .isZero();
        assertThat(search.search("\"unbalanced (quote AND OR", SearchService.Filters.NONE, 0, 10))
                .isNotNull();
    }

    @Test
    void totalsAndFacetsCountIdeasFoundThroughTheirOwnTextAndThroughReactionsOnce() {
        long c = data.openConsultation();
        SearchService.Filters inThis = new SearchService.Filters(c, null, null, null);
        long own = data.idea(c, data.user(), "Waterberging op het plein", "Een wadi vangt het regenwater op.");
        long both = data.idea(c, data.user(), "Wadi in de wijk", "Een wadi bij de school.");
        long viaReaction = data.idea(c, data.user(), "Minder tegels", "Tuinen vergroenen.");
        reactions.postAs(data.user().id(), false, both, null, "Een wadi is ook mooi.", Instant.now());
        reactions.postAs(data.user().id(), false, viaReaction, null, "Of een wadi in de straat.", Instant.now());
        data.idea(c, data.user(), "Iets anders", "Over fietsen.");
        SearchService.Page page = search.search("wadi", inThis, 0, 10);
        assertThat(page.hits()).extracting(SearchService.Hit::ideaId).containsExactlyInAnyOrder(own, both, viaReaction);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.facets().consultations()).containsEntry(c, 3L);
        assertThat(page.facets().statuses().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(3);
        // Paging keeps the total.
        assertThat(search.search("wadi", inThis, 2, 2).total()).isEqualTo(3);
    }

    @Test
    void hiddenIdeasAndReactionsLeaveTheIndexAndComeBackWhenRestored() {
        long c = data.openConsultation();
        SearchService.Filters inThis = new SearchService.Filters(c, null, null, null);
        // No word part in common with the reaction below (compound parts would find "hond" in both).
        long idea = data.idea(c, data.user(), "Uitlaatplaats in het park", "Een omheind veld voor viervoeters.");
        long other = data.idea(c, data.user(), "Meer bankjes", "Bankjes langs de singel.");
        long reaction = reactions.postAs(
                data.user().id(), false, other, null, "Graag ook een hondenpoepbak erbij.", Instant.now());
        assertThat(search.search("uitlaatplaats", inThis, 0, 10).total()).isEqualTo(1);
        assertThat(search.search("hondenpoepbak", inThis, 0, 10).hits())
                .extracting(SearchService.Hit::ideaId)
                .containsExactly(other);

        ideas.hideUnchecked(idea, "Dubbel");
        reactions.hideUnchecked(reaction, "Off-topic");
        assertThat(search.search("uitlaatplaats", inThis, 0, 10).total()).isZero();
        assertThat(search.search("hondenpoepbak", inThis, 0, 10).total()).isZero();
        assertThat(search.similarIdeas(c, "uitlaatplaats park", 5)).doesNotContain(idea);

        data.authenticate(data.user(Role.MODERATOR));
        ideas.restore(idea);
        reactions.restore(reaction);
        assertThat(search.search("uitlaatplaats", inThis, 0, 10).hits())
                .extracting(SearchService.Hit::ideaId)
                .containsExactly(idea);
        assertThat(search.search("hondenpoepbak", inThis, 0, 10).hits())
                .extracting(SearchService.Hit::ideaId)
                .containsExactly(other);
    }

    /** Issue 15: the idea editor's duplicate warning uses the same analysis as the search box. */
    @Test
    void similarIdeasCatchNearDuplicatesInOtherWords() {
        long c = data.openConsultation();
        long lamps = data.idea(
                c, data.user(), "Lantaarnpalen na middernacht dimmen", "De lantaarnpalen branden de hele nacht.");
        long garage = data.idea(c, data.user(), "Parkeergarage 's nachts sluiten", "Er rijdt 's nachts niemand in.");
        data.idea(c, data.user(), "Meer bankjes in het park", "Om even te zitten.");
        assertThat(search.similarIdeas(c, "Straatverlichting dimmen na middernacht", 3))
                .first()
                .isEqualTo(lamps);
        assertThat(search.similarIdeas(c, "Parkeren in de garage 's nachts verbieden", 3))
                .first()
                .isEqualTo(garage);
    }

    /** Issue 15: the start of a description that did not match ends at a whole word. */
    @Test
    void snippetsNeverCutAWordInHalf() {
        String fragment = ("De lantaarnpalen branden de hele nacht op vol vermogen, ook in straten waar na twaalf uur"
                        + " niemand meer loopt. Als we ze tussen middernacht en vijf uur op de helft zetten")
                .substring(0, SearchService.NO_MATCH_SIZE);
        assertThat(fragment).hasSize(SearchService.NO_MATCH_SIZE);
        assertThat(SearchService.wholeWords(fragment)).endsWith(" op de …").doesNotContain("de hel …");
        assertThat(SearchService.wholeWords("Kort en af.")).isEqualTo("Kort en af.");
    }
}

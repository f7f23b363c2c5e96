package org.inspraak.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.inspraak.InspraakProperties;
import org.inspraak.account.AccountService;
import org.inspraak.budget.BudgetService;
import org.inspraak.consultation.BudgetKind;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.ConsultationService.ConsultationForm;
import org.inspraak.consultation.OutcomeService;
import org.inspraak.idea.AmountKind;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.IdeaForm;
import org.inspraak.idea.IdeaStatus;
import org.inspraak.insight.InsightService;
import org.inspraak.moderation.FlagReason;
import org.inspraak.moderation.ModerationService;
import org.inspraak.moderation.TargetType;
import org.inspraak.neighbourhood.NeighbourhoodService;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.Role;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds a realistic municipality into an empty database: a budget-cut Stadsgesprek modelled on Helmond's,
 * with resident ideas, votes and reactions, and the four demo accounts. Runs only when
 * {@code inspraak.demo-data=true} (the default outside the prod profile) and the database has no accounts.
 * Everything goes through the real services, so demo data obeys the same rules as real data.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "inspraak-demo";
    static final List<String> DEMO_ACCOUNTS =
            List.of("bewoner@example.org", "moderator@example.org", "raadslid@example.org", "beheerder@example.org");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final List<String> NEIGHBOURHOODS = List.of(
            "Binnenstad",
            "Brandevoort",
            "Brouwhuis",
            "Dierdonk",
            "Helmond-Noord",
            "Helmond-Oost",
            "Helmond-West",
            "Mierlo-Hout",
            "Rijpelberg",
            "Stiphout",
            "Warande");
    private static final List<String> THEMES = List.of(
            "Afval en energie",
            "Bestuur en organisatie",
            "Cultuur en sport",
            "Groen en openbare ruimte",
            "Verkeer en parkeren",
            "Zorg en welzijn");
    private static final List<String> RESIDENT_NAMES = List.of(
            "Marieke",
            "Joost uit Brandevoort",
            "Fam. Verhoeven",
            "Anouk",
            "Henk van der Linden",
            "Sevda",
            "Tom B.",
            "Ria Hendriks",
            "Mohamed",
            "Lotte",
            "Peter uit Stiphout",
            "Ingrid",
            "Bas",
            "Yvonne M.",
            "Kees",
            "Fatima",
            "Jeroen",
            "Annemiek",
            "Ruud",
            "Samira",
            "Wim Bakker",
            "Esther",
            "Daan",
            "Hanneke",
            "Gerard",
            "Noor",
            "Frank uit West",
            "Linda",
            "Stijn",
            "Thea",
            "Ahmet",
            "Marloes",
            "Rob",
            "Saskia",
            "Jan-Willem",
            "Mirjam",
            "Koen",
            "Petra",
            "Emre",
            "Judith",
            "Niels",
            "Gonny",
            "Roel",
            "Karin",
            "Youssef",
            "Els",
            "Sander",
            "Wilma",
            "Tim",
            "Bianca",
            "Hans",
            "Ilse",
            "Martijn",
            "Dewi",
            "Arie",
            "Nadia",
            "Gijs",
            "Carla",
            "Luuk",
            "Mieke");
    private static final List<String> REACTIONS = List.of(
            "Goed idee! Bij ons in de straat zou dit echt verschil maken.",
            "Ik twijfel. Wie gaat dit dan organiseren? Het klinkt simpel, maar in de praktijk kost het ook tijd van ambtenaren.",
            "Eens. Dit had al jaren geleden moeten gebeuren.",
            "Heeft iemand cijfers over wat dit echt oplevert? Ik lees bedragen, maar waar komen die vandaan?",
            "Als het maar niet ten koste gaat van de ouderen in de wijk.",
            "In Eindhoven hebben ze dit geprobeerd en daar werkte het prima.",
            "Ik ben het er niet mee eens. Dit is juist iets wat Helmond aantrekkelijk maakt.",
            "Mooi initiatief, ik wil best helpen als vrijwilliger.",
            "Dit raakt vooral gezinnen met een klein budget. Denk daar goed over na.",
            "Prima, maar begin dan wel bij de grote posten en niet bij de kleine dingen.",
            "Zou dit niet samen met de woningcorporatie kunnen?",
            "Ik mis hier de mening van jongeren. Mijn kinderen gebruiken dit het meest.");
    private static final List<String> REPLIES = List.of(
            "Dat vraag ik me ook af. Misschien kan de gemeente dat toelichten?",
            "Volgens mij valt dat wel mee, het gaat om een paar uur per maand.",
            "Precies, dat is ook mijn ervaring.",
            "Daar heb je een punt, maar ergens moet het geld vandaan komen.");

    private final InspraakProperties properties;
    private final AccountService accounts;
    private final NeighbourhoodService neighbourhoods;
    private final ConsultationService consultations;
    private final IdeaService ideas;
    private final VoteService votes;
    private final ReactionService reactions;
    private final Clock clock;
    private final CurrentUser currentUser;

    private final InsightService insights;
    private final BudgetService budget;
    private final OutcomeService outcomes;
    private final ModerationService moderation;
    private final int loadResidents;

    DemoData(
            ModerationService moderation,
            OutcomeService outcomes,
            BudgetService budget,
            InsightService insights,
            InspraakProperties properties,
            AccountService accounts,
            NeighbourhoodService neighbourhoods,
            ConsultationService consultations,
            IdeaService ideas,
            VoteService votes,
            ReactionService reactions,
            Clock clock,
            CurrentUser currentUser,
            @Value("${inspraak.demo.load-residents:0}") int loadResidents) {
        this.loadResidents = loadResidents;
        this.properties = properties;
        this.accounts = accounts;
        this.neighbourhoods = neighbourhoods;
        this.consultations = consultations;
        this.ideas = ideas;
        this.votes = votes;
        this.reactions = reactions;
        this.clock = clock;
        this.currentUser = currentUser;
        this.insights = insights;
        this.budget = budget;
        this.outcomes = outcomes;
        this.moderation = moderation;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!properties.demoData() || accounts.anyAccountExists()) {
            return;
        }
        long started = System.nanoTime();
        seed();
        log.info(
                "Seeded the demo municipality in {} ms. Demo accounts {} use the password '{}'.",
                (System.nanoTime() - started) / 1_000_000,
                DEMO_ACCOUNTS,
                PASSWORD);
    }

    void seed() throws IOException {
        Random random = new Random(20_261_121L);
        String hash = accounts.encodePassword(PASSWORD);
        Map<String, Long> wijk = new LinkedHashMap<>();
        NEIGHBOURHOODS.forEach(n -> wijk.put(n, neighbourhoods.createUnchecked(n)));
        List<Long> wijkIds = new ArrayList<>(wijk.values());
        // Illustrative population shares (residents aged 16+), so representativeness has a reference.
        Map<String, Double> ages = Map.of("16-24", 13.0, "25-34", 15.0, "35-49", 22.0, "50-64", 24.0, "65+", 26.0);
        ages.forEach((band, pct) -> insights.seedPopulationShare("AGE", band, pct));
        double each = Math.floor(10000.0 / NEIGHBOURHOODS.size()) / 100;
        NEIGHBOURHOODS.forEach(n -> insights.seedPopulationShare("NEIGHBOURHOOD", n, each));

        long resident = accounts.createVerified(
                "bewoner@example.org",
                "Bewoner Bram",
                hash,
                EnumSet.of(Role.RESIDENT),
                1978,
                wijk.get("Mierlo-Hout"),
                true);
        long moderator = accounts.createVerified(
                "moderator@example.org",
                "Sanne (gemeente)",
                hash,
                EnumSet.of(Role.MODERATOR, Role.RESIDENT),
                null,
                null,
                true);
        accounts.createVerified(
                "raadslid@example.org", "Raadslid De Vries", hash, EnumSet.of(Role.COUNCIL_MEMBER), null, null, true);
        accounts.createVerified(
                "beheerder@example.org",
                "Beheerder Gemeente",
                hash,
                EnumSet.of(Role.ADMIN, Role.MODERATOR, Role.RESIDENT),
                null,
                null,
                true);
        List<Long> residents = new ArrayList<>();
        residents.add(resident);
        for (int i = 0; i < RESIDENT_NAMES.size(); i++) {
            // Older residents are over-represented, as in most real consultations.
            int birthYear = 1990 - (int) Math.round(Math.abs(random.nextGaussian()) * 22) + random.nextInt(10);
            Long home = random.nextInt(10) < 8 ? wijkIds.get(random.nextInt(wijkIds.size())) : null;
            residents.add(accounts.createVerified(
                    "bewoner" + (i + 1) + "@example.org",
                    RESIDENT_NAMES.get(i),
                    hash,
                    EnumSet.of(Role.RESIDENT),
                    random.nextInt(10) < 7 ? birthYear : null,
                    home,
                    true));
        }

        // Accounts for a load test of many residents at once (the load benchmark); none by default.
        for (int i = 1; i <= loadResidents; i++) {
            accounts.createVerified(
                    "bezoeker" + i + "@example.org",
                    "Bezoeker " + i,
                    hash,
                    EnumSet.of(Role.RESIDENT),
                    null,
                    null,
                    true);
        }

        LocalDate today = LocalDate.now(clock);
        long stadsgesprek = consultations.createUnchecked(new ConsultationForm(
                "Stadsgesprek: samen slim bezuinigen",
                "De gemeente moet de komende vier jaar € 12 miljoen bezuinigen. Waar zou u op besparen, en hoe doen we dat slim? U kent Helmond als geen ander.",
                background(),
                BudgetKind.SAVINGS_TARGET,
                12_000_000L,
                today.minusDays(20),
                today.plusDays(10),
                today.plusDays(30),
                today.plusDays(45),
                THEMES,
                Set.copyOf(wijkIds),
                List.of("Jongeren van 18 tot 35", "Huurders", "Ondernemers in de binnenstad"),
                false));
        Map<String, Long> themeIds = new LinkedHashMap<>();
        consultations.themes(stadsgesprek).forEach(t -> themeIds.put(t.name(), t.id()));

        Instant start =
                today.minusDays(20).atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant();
        List<Long> ideaIds = new ArrayList<>();
        List<Instant> postedAt = new ArrayList<>();
        List<DemoIdea> demoIdeas = readIdeas();
        for (int i = 0; i < demoIdeas.size(); i++) {
            DemoIdea d = demoIdeas.get(i);
            long author = residents.get(random.nextInt(residents.size()));
            Instant at = start.plus(Duration.ofMinutes((long) i * 620 + random.nextInt(300)));
            postedAt.add(at);
            ideaIds.add(ideas.postAs(
                    author,
                    stadsgesprek,
                    new IdeaForm(
                            d.title(),
                            d.description(),
                            themeIds.get(d.theme()),
                            d.neighbourhood() == null ? null : wijk.get(d.neighbourhood()),
                            d.kind(),
                            d.amount()),
                    at));
        }

        // Each idea gets its own level of support, so sorting by support and divisiveness shows something real.
        double[] appeal = new double[ideaIds.size()];
        for (int i = 0; i < appeal.length; i++) {
            appeal[i] = 0.15 + 0.75 * random.nextDouble();
        }
        // Votes spread over the days since each idea appeared, as real ones would be, so participation over time
        // shows the conversation rather than the moment the demo was seeded. Own random source: the rest of the
        // demo stays as it was.
        java.util.Random when = new java.util.Random(11);
        Instant now = clock.instant();
        List<VoteService.ImportedVote> cast = new ArrayList<>();
        for (long voter : residents) {
            for (int i = 0; i < ideaIds.size(); i++) {
                if (random.nextInt(100) < 55) {
                    double r = random.nextDouble();
                    VoteChoice choice = r < appeal[i]
                            ? VoteChoice.AGREE
                            : r < appeal[i] + 0.1 ? VoteChoice.PASS : VoteChoice.DISAGREE;
                    long minutes =
                            Math.max(1, Duration.between(postedAt.get(i), now).toMinutes());
                    cast.add(new VoteService.ImportedVote(
                            voter,
                            ideaIds.get(i),
                            choice,
                            postedAt.get(i).plus(Duration.ofMinutes(1 + (long) (when.nextDouble() * (minutes - 1))))));
                }
            }
        }
        votes.importVotes(cast);

        for (int i = 0; i < ideaIds.size(); i++) {
            int count = random.nextInt(4);
            // Reactions follow their idea, never precede it.
            Instant at = postedAt.get(i).plus(Duration.ofHours(2));
            for (int k = 0; k < count; k++) {
                long author = residents.get(random.nextInt(residents.size()));
                long parent = reactions.postAs(
                        author,
                        false,
                        ideaIds.get(i),
                        null,
                        REACTIONS.get(random.nextInt(REACTIONS.size())),
                        at.plus(Duration.ofMinutes(37L * (k + 1))));
                if (random.nextInt(3) == 0) {
                    reactions.postAs(
                            residents.get(random.nextInt(residents.size())),
                            false,
                            ideaIds.get(i),
                            parent,
                            REPLIES.get(random.nextInt(REPLIES.size())),
                            at.plus(Duration.ofMinutes(37L * (k + 1) + 95)));
                }
            }
        }
        reactions.postAs(
                moderator,
                true,
                ideaIds.get(0),
                null,
                "Dank voor dit idee. De afdeling Openbare Ruimte onderzoekt op dit moment een proef met dimmen in twee wijken. We laten hier voor de zomer weten wat eruit komt.",
                postedAt.get(0).plus(Duration.ofDays(2)));
        reactions.postAs(
                moderator,
                true,
                ideaIds.get(12),
                null,
                "Goed punt over gezinnen met luiers. Bij een eventuele invoering van diftar komt er een regeling voor medisch afval en jonge kinderen.",
                postedAt.get(12).plus(Duration.ofDays(1)));

        reportsWaiting(residents, ideaIds, hash, start);

        InspraakUser staff = new InspraakUser(
                moderator,
                "moderator@example.org",
                "Sanne (gemeente)",
                hash,
                EnumSet.of(Role.MODERATOR, Role.RESIDENT),
                true);
        currentUser.runAs(staff, () -> {
            ideas.setStatus(
                    ideaIds.get(0),
                    IdeaStatus.UNDER_CONSIDERATION,
                    "De gemeente onderzoekt een proef met dimmen in twee wijken.");
            ideas.setStatus(
                    ideaIds.get(5),
                    IdeaStatus.SELECTED,
                    "Opgenomen in het voorstel aan de raad: zonnepanelen op twaalf gemeentelijke gebouwen.");
            ideas.setStatus(
                    ideaIds.get(14),
                    IdeaStatus.NOT_SELECTED,
                    "Het aantal wethouders is een keuze van de gemeenteraad bij de vorming van het college, niet van deze bezuinigingsronde.");
        });

        long closed = consultations.createUnchecked(new ConsultationForm(
                "Speelplekken in de wijk",
                "Welke speelplekken in uw wijk verdienen een opknapbeurt?",
                "Met een budget van € 400.000 knappen we in 2026 speelplekken op. Bewoners droegen plekken aan en stemden erover.",
                BudgetKind.SPENDING_BUDGET,
                400_000L,
                today.minusDays(120),
                today.minusDays(90),
                today.minusDays(60),
                today.minusDays(45),
                List.of("Spelen", "Groen"),
                Set.copyOf(wijkIds),
                List.of("Gezinnen met jonge kinderen"),
                false));
        long speeltuin = ideas.postAs(
                residents.get(3),
                closed,
                new IdeaForm(
                        "Speeltuin Brouwhuis opknappen",
                        "De speeltoestellen aan de Brouwhuisweg zijn twintig jaar oud en de helft is afgezet met linten.",
                        null,
                        wijk.get("Brouwhuis"),
                        AmountKind.COST,
                        60_000L),
                start.minus(Duration.ofDays(100)));
        closedWithOutcome(closed, speeltuin, residents, wijk, staff, start, today, random);

        // A consultation in its voting phase with a budget ballot: residents compose a package of cuts.
        long ballotConsultation = consultations.createUnchecked(new ConsultationForm(
                "Begroting 2027: kies mee waar we besparen",
                "De gemeente moet in 2027 € 3 miljoen besparen. Welke combinatie van maatregelen kiest u?",
                "Kies maatregelen tot u samen minstens € 3 miljoen bespaart. De bedragen zijn door de gemeente nagerekend.",
                BudgetKind.SAVINGS_TARGET,
                3_000_000L,
                today.minusDays(30),
                today.minusDays(5),
                today.plusDays(20),
                today.plusDays(50),
                List.of("Bestuur", "Openbare ruimte", "Cultuur"),
                Set.copyOf(wijkIds),
                List.of(),
                false));
        Object[][] cuts = {
            {"Straatverlichting dimmen na middernacht", 400_000L, 350_000L},
            {"Minder wethouders en een kleiner college", 600_000L, null},
            {"Gemeentelijke gebouwen delen met scholen", 900_000L, 900_000L},
            {"Subsidie evenementen halveren", 500_000L, 500_000L},
            {"Groenonderhoud samen met buurtbewoners", 700_000L, 800_000L},
            {"Papieren gemeentegids afschaffen", 150_000L, 150_000L},
            {"Bibliotheekfilialen samenvoegen", 800_000L, 800_000L},
            {"Parkeertarieven in het centrum verhogen", 1_000_000L, 1_000_000L}
        };
        List<long[]> onBallot = new ArrayList<>();
        for (int i = 0; i < cuts.length; i++) {
            long id = ideas.postAs(
                    residents.get(i),
                    ballotConsultation,
                    new IdeaForm(
                            (String) cuts[i][0],
                            "Voorstel van een inwoner om structureel te besparen: "
                                    + ((String) cuts[i][0]).toLowerCase() + ".",
                            null,
                            null,
                            AmountKind.SAVING,
                            (Long) cuts[i][2]),
                    start.minus(Duration.ofDays(25 - i)));
            onBallot.add(new long[] {id, (Long) cuts[i][1]});
        }
        InspraakUser admin =
                new InspraakUser(moderator, "beheerder@example.org", "Beheerder", hash, EnumSet.of(Role.ADMIN), true);
        currentUser.runAs(admin, () -> onBallot.forEach(b -> budget.setItem(ballotConsultation, b[0], b[1])));
    }

    /**
     * The closed consultation as a resident finds it months later: decisions on every idea, one carried out, and
     * the municipality's published outcome with what happens next.
     */
    /**
     * Two contributions that residents reported and that wait for a moderator: a sharp reply in a thread, and an
     * advertisement. Reported by two residents each, below the threshold that hides them until a decision.
     */
    private void reportsWaiting(List<Long> residents, List<Long> ideaIds, String hash, Instant start) {
        Instant at = start.plus(Duration.ofDays(6));
        long opening = reactions.postAs(
                residents.get(2),
                false,
                ideaIds.get(1),
                null,
                "Goed plan, als de buurt vooraf mag meepraten over waar het komt.",
                at);
        long sharp = reactions.postAs(
                residents.get(3),
                false,
                ideaIds.get(1),
                opening,
                "Wat een onzin. Wie dit bedenkt, is nog nooit buiten geweest.",
                at.plus(Duration.ofHours(3)));
        long advert = reactions.postAs(
                residents.get(4),
                false,
                ideaIds.get(2),
                null,
                "Goedkope zonnepanelen nodig? Kijk op www.zonnig-voordeel.example voor de beste aanbiedingen!",
                at.plus(Duration.ofHours(5)));
        report(
                residents.get(5),
                hash,
                TargetType.REACTION,
                sharp,
                FlagReason.INSULT,
                "Persoonlijke aanval op de schrijver.");
        report(residents.get(6), hash, TargetType.REACTION, sharp, FlagReason.INSULT, "");
        report(residents.get(7), hash, TargetType.REACTION, advert, FlagReason.SPAM, "");
        report(residents.get(8), hash, TargetType.REACTION, advert, FlagReason.SPAM, "Reclame voor een bedrijf.");
    }

    private void report(long resident, String hash, TargetType type, long id, FlagReason reason, String why) {
        InspraakUser reporter =
                new InspraakUser(resident, "bewoner@example.org", "", hash, EnumSet.of(Role.RESIDENT), true);
        currentUser.runAs(reporter, () -> moderation.flag(new ModerationService.Target(type, id), reason, why));
    }

    private void closedWithOutcome(
            long closed,
            long speeltuin,
            List<Long> residents,
            Map<String, Long> wijk,
            InspraakUser staff,
            Instant start,
            LocalDate today,
            Random random) {
        Object[][] places = {
            {
                "Trapveldje Mierlo-Hout met nieuwe doelen",
                "Mierlo-Hout",
                35_000L,
                "Het trapveldje achter de Hoofdstraat heeft geen netten meer en de doelen staan scheef."
            },
            {
                "Schaduw bij speelplek Rijpelberg",
                "Rijpelberg",
                20_000L,
                "Op warme dagen is de speelplek aan de Rijpelbergseweg onbruikbaar: er is geen boom of doek."
            },
            {
                "Waterspeelplaats in het Stadswandelpark",
                "Centrum",
                150_000L,
                "Een plek waar kinderen met water kunnen spelen, zoals in andere steden, trekt gezinnen naar de stad."
            },
            {
                "Speelbos Dierdonk uitbreiden",
                "Dierdonk",
                45_000L,
                "Het speelbos is populair, maar klein. Met boomstammen en een wilgenhut wordt het een echte speelplek."
            }
        };
        List<Long> ideaIds = new ArrayList<>(List.of(speeltuin));
        for (int i = 0; i < places.length; i++) {
            ideaIds.add(ideas.postAs(
                    residents.get(4 + i),
                    closed,
                    new IdeaForm(
                            (String) places[i][0],
                            (String) places[i][3],
                            null,
                            wijk.get((String) places[i][1]),
                            AmountKind.COST,
                            (Long) places[i][2]),
                    start.minus(Duration.ofDays(110 - i))));
        }
        // Votes from when the consultation was open, carried in as the import does (the phase rule is over).
        List<VoteService.ImportedVote> cast = new ArrayList<>();
        int[] support = {85, 70, 60, 35, 75};
        for (int i = 0; i < ideaIds.size(); i++) {
            for (int r = 1; r < residents.size(); r++) {
                if (random.nextInt(100) < 60) {
                    int roll = random.nextInt(100);
                    VoteChoice choice =
                            roll < support[i] ? VoteChoice.AGREE : roll < 92 ? VoteChoice.DISAGREE : VoteChoice.PASS;
                    cast.add(new VoteService.ImportedVote(
                            residents.get(r), ideaIds.get(i), choice, start.minus(Duration.ofDays(95 - r % 20))));
                }
            }
        }
        votes.importVotes(cast);
        LocalDate decided = today.minusDays(40);
        currentUser.runAs(staff, () -> {
            ideas.setStatus(
                    speeltuin,
                    IdeaStatus.SELECTED,
                    "De speeltoestellen zijn versleten en de speeltuin wordt veel gebruikt. Gekozen voor vervanging in 2026.",
                    "Openbare Ruimte, team Spelen",
                    decided);
            ideas.setStatus(
                    speeltuin,
                    IdeaStatus.IMPLEMENTED,
                    "De nieuwe speeltuin is in september geopend, met toestellen die kinderen zelf mochten kiezen.",
                    null,
                    today.minusDays(10));
            ideas.setStatus(
                    ideaIds.get(1),
                    IdeaStatus.SELECTED,
                    "Nieuwe doelen en netten passen ruim in het budget. De buurt kiest in het voorjaar mee over de plek van de bankjes.",
                    "Openbare Ruimte, team Spelen",
                    decided);
            ideas.setStatus(
                    ideaIds.get(1),
                    IdeaStatus.IN_PROGRESS,
                    "De doelen zijn besteld; de aannemer plaatst ze in maart.",
                    null,
                    today.minusDays(5));
            ideas.setStatus(
                    ideaIds.get(2),
                    IdeaStatus.PARTLY_SELECTED,
                    "Er komen drie bomen bij de speelplek. Een schaduwdoek doen we niet: dat vraagt elk jaar onderhoud en gaat snel stuk.",
                    "Openbare Ruimte, team Groen",
                    decided);
            ideas.setStatus(
                    ideaIds.get(3),
                    IdeaStatus.NOT_SELECTED,
                    "Een waterspeelplaats kost met € 150.000 te veel van het budget van € 400.000 en vraagt dure zorg voor de waterkwaliteit. We nemen het idee mee bij de vernieuwing van het Stadswandelpark in 2028.",
                    null,
                    decided);
            ideas.setStatus(
                    ideaIds.get(4),
                    IdeaStatus.UNDER_CONSIDERATION,
                    "Het speelbos ligt deels in een beschermd natuurgebied. We onderzoeken met het waterschap wat er mag; in juni leest u hier het besluit.",
                    "Openbare Ruimte, team Natuur",
                    decided);
        });
        outcomes.publishUnchecked(
                closed,
                """
                Bedankt voor de 5 ideeën en alle stemmen. Het college heeft op basis van dit stadsgesprek besloten:

                - **Drie speelplekken** worden opgeknapt: de speeltuin in Brouwhuis (klaar), het trapveld in Mierlo-Hout en de speelplek in Rijpelberg.
                - De **waterspeelplaats** komt er nu niet, maar gaat mee in de plannen voor het Stadswandelpark.
                - Over het **speelbos in Dierdonk** besluiten we in juni, na overleg met het waterschap.

                Samen kosten de gekozen plannen € 115.000. Het overige budget gaat naar veiligheidskeuringen van alle speeltoestellen in de gemeente.
                """,
                List.of(
                        new OutcomeService.NextStep(
                                today.plusDays(60), "Nieuwe doelen en netten op het trapveld in Mierlo-Hout"),
                        new OutcomeService.NextStep(today.plusDays(120), "Besluit over het speelbos in Dierdonk"),
                        new OutcomeService.NextStep(
                                today.plusDays(150), "Bomen geplant bij de speelplek in Rijpelberg")),
                staff.id());
    }

    private static String background() {
        return """
                Het Rijk geeft gemeenten minder geld, terwijl de kosten voor zorg en jeugdhulp stijgen. Daarom moet de gemeente de komende vier jaar **€ 12 miljoen** besparen op een begroting van ongeveer € 400 miljoen.

                De gemeenteraad wil niet alleen achter het bureau beslissen waar dat geld vandaan komt. In dit stadsgesprek vragen we u om creatieve ideeën: waar kan het slimmer, goedkoper of samen met inwoners?

                ### Zo werkt het
                1. **Ideeën** – plaats uw idee en reageer op dat van anderen.
                2. **Stemmen** – geef bij elk idee aan of u het eens, oneens of neutraal bent.
                3. **Samenvatten** – moderatoren vatten de uitkomsten samen voor de gemeenteraad.
                4. **Gesloten** – de raad besluit; bij elk idee ziet u wat ermee gebeurt.

                Houd het gesprek vriendelijk en lees de [richtlijnen](/richtlijnen).
                """;
    }

    record DemoIdea(
            String theme, String neighbourhood, AmountKind kind, Long amount, String title, String description) {}

    static List<DemoIdea> readIdeas() throws IOException {
        String text;
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/ideas.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = text.lines().filter(l -> !l.startsWith("#")).toList();
        List<DemoIdea> out = new ArrayList<>();
        for (String block : String.join("\n", lines).split("\n---\n")) {
            String[] parts = block.strip().split("\n", 3);
            String[] head = parts[0].split("\\|");
            String theme = head[0].strip();
            String wijk = head[1].strip().equals("-") ? null : head[1].strip();
            String money = head[2].strip();
            AmountKind kind = null;
            Long amount = null;
            if (!money.equals("-")) {
                String[] m = money.split(" ");
                kind = AmountKind.valueOf(m[0]);
                amount = Long.parseLong(m[1]);
            }
            out.add(new DemoIdea(theme, wijk, kind, amount, parts[1].strip(), parts[2].strip()));
        }
        return out;
    }

    static Set<String> demoAccounts() {
        return new LinkedHashSet<>(DEMO_ACCOUNTS);
    }
}

package org.inspraak.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.DoubleConsumer;
import java.util.function.LongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import org.inspraak.InspraakException;
import org.inspraak.TextInput;
import org.inspraak.account.AccountService;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.neighbourhood.NeighbourhoodService;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.Role;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a consultation's insights in the background — opinion groups, what each group stands for, consensus
 * and division, themes, sentiment, participation and representativeness — and keeps the latest result. Votes,
 * ideas and reactions mark it stale; stale results are recomputed every minute, so a burst of votes costs one run.
 */
@Service
public class InsightService {

    private static final Logger log = LoggerFactory.getLogger(InsightService.class);
    static final String[] AGE_BANDS = {"16-24", "25-34", "35-49", "50-64", "65+"};

    private final IdeaService ideas;
    private final VoteService votes;
    private final ReactionService reactions;
    private final AccountService accounts;
    private final NeighbourhoodService neighbourhoods;
    private final PopulationShareRepository population;
    private final CurrentUser currentUser;
    private final GroupingStates states;
    private final ThemeNames themeNames;
    private final Clock clock;
    private final ExecutorService executor = Executors.newFixedThreadPool(1, r -> {
        Thread t = new Thread(r, "insights");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Insights> latest = new ConcurrentHashMap<>();
    private final Map<Long, Job> running = new ConcurrentHashMap<>();
    private final Set<Long> stale = ConcurrentHashMap.newKeySet();

    InsightService(
            IdeaService ideas,
            VoteService votes,
            ReactionService reactions,
            AccountService accounts,
            NeighbourhoodService neighbourhoods,
            PopulationShareRepository population,
            CurrentUser currentUser,
            GroupingStates states,
            ThemeNames themeNames,
            Clock clock) {
        this.themeNames = themeNames;
        this.ideas = ideas;
        this.votes = votes;
        this.reactions = reactions;
        this.accounts = accounts;
        this.neighbourhoods = neighbourhoods;
        this.population = population;
        this.currentUser = currentUser;
        this.states = states;
        this.clock = clock;
    }

    // ---- results -------------------------------------------------------------------------------

    public record IdeaRef(long id, String title, int agree, int disagree, int pass, double sentiment) {
        public int votes() {
            return agree + disagree + pass;
        }
    }

    public record GroupStatement(IdeaRef idea, boolean agree, double groupRate, double restRate) {}

    public record Group(int number, String label, int size, List<GroupStatement> statements) {}

    public record SpreadIdea(IdeaRef idea, double[] agreeRates) {}

    /**
     * A theme of ideas: its label (a moderator's name, or the proposed one), whether a person named it, the proposed
     * name, and its anchor idea, by which naming and merging find it again.
     */
    public record ThemeInsight(
            String label,
            boolean named,
            String proposed,
            long anchorIdeaId,
            int ideas,
            double support,
            double sentiment,
            List<IdeaRef> strongest,
            boolean turnedNegative) {}

    public record Point(long participantId, double x, double y, int group) {}

    public record DayCount(LocalDate day, int participants, int ideas, int reactions, int votes) {}

    public record Representation(String dimension, String band, double participantPct, Double populationPct) {
        public boolean underRepresented() {
            return populationPct != null && populationPct >= 2 && participantPct < populationPct * 0.75;
        }
    }

    public record Sentiment(int positive, int neutral, int negative) {}

    /** Everything the insights page, the summary draft and the PDF show. */
    public record Insights(
            long consultationId,
            Instant computedAt,
            int participants,
            int groupedParticipants,
            int ideaCount,
            int reactionCount,
            int voteCount,
            List<Group> groups,
            List<SpreadIdea> consensus,
            List<SpreadIdea> divisive,
            List<ThemeInsight> themes,
            Sentiment ideaSentiment,
            Sentiment reactionSentiment,
            List<Point> map,
            List<DayCount> timeline,
            List<Representation> representation,
            double silhouette,
            Map<Long, Integer> groupOf,
            int backgroundQuestions) {

        public List<Representation> underRepresented() {
            return representation.stream()
                    .filter(Representation::underRepresented)
                    .toList();
        }

        public Optional<Point> positionOf(long participantId) {
            return map.stream().filter(p -> p.participantId() == participantId).findFirst();
        }
    }

    /** The figures everyone may see on a consultation's outcome page, counted as the insights count them. */
    public record KeyFigures(int participants, int ideas, int votes, int reactions) {}

    /**
     * Key figures for the public outcome page. Counted exactly as {@link Insights} counts them, without the
     * grouping, and kept for a few minutes: outcome pages are read often and their consultation is closed.
     */
    @Transactional(readOnly = true)
    public KeyFigures keyFigures(long consultationId) {
        return keyFigures.get(consultationId, id -> {
            List<IdeaSummary> all = ideas.allFor(id).stream()
                    .filter(i -> i.mergedInto() == null)
                    .toList();
            List<Long> ideaIds = all.stream().map(IdeaSummary::id).toList();
            List<VoteService.Cell> cells = votes.cells(ideaIds);
            List<ReactionService.Activity> activity = reactions.activity(ideaIds);
            List<IdeaSummary> visible = all.stream().filter(i -> !i.hidden()).toList();
            return new KeyFigures(
                    participantsOf(cells, visible, activity).size(), visible.size(), cells.size(), activity.size());
        });
    }

    private final Cache<Long, KeyFigures> keyFigures = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5))
            .maximumSize(200)
            .build();

    /**
     * Everyone who took part: voters, authors of visible ideas, and residents who reacted. Staff answering on behalf
     * of the municipality are not participants. The one definition for every page that shows the number.
     */
    public static Set<Long> participantsOf(
            List<VoteService.Cell> cells, List<IdeaSummary> visible, List<ReactionService.Activity> activity) {
        Set<Long> everyone = new HashSet<>();
        cells.forEach(c -> everyone.add(c.userId()));
        visible.forEach(i -> everyone.add(i.authorId()));
        activity.stream().filter(a -> !a.official()).forEach(a -> everyone.add(a.authorId()));
        return everyone;
    }

    /** The latest insights, if computed; staff and council only. */
    public Optional<Insights> latest(long consultationId) {
        requireReader();
        return Optional.ofNullable(latest.get(consultationId));
    }

    public boolean isStale(long consultationId) {
        return stale.contains(consultationId) || !latest.containsKey(consultationId);
    }

    public boolean isRunning(long consultationId) {
        return running.containsKey(consultationId);
    }

    /** Starts (or joins) a background computation; progress goes to the listener from the worker thread. */
    public CompletableFuture<Insights> refresh(long consultationId, DoubleConsumer progress) {
        requireReader();
        return start(consultationId, progress);
    }

    /** Computes now, on the caller's thread (PDF, summary drafts); staff and council only. */
    public Insights computeNow(long consultationId) {
        requireReader();
        return computeUnchecked(consultationId);
    }

    /** For the command line, which runs without a signed-in user. */
    public Insights computeUnchecked(long consultationId) {
        Insights i = compute(consultationId, p -> {});
        latest.put(consultationId, i);
        stale.remove(consultationId);
        return i;
    }

    /**
     * Starts an imported conversation's opinion groups from where its history left Polis's k smoother (see {@link
     * OpinionGroups#history}). Only before the consultation's first computation, as a live consultation's state is
     * its own; returns whether the history was taken.
     */
    public boolean startFromHistory(long consultationId, OpinionGroups.State history) {
        if (history.smoother() == null
                || !history.inConversation().isEmpty()
                || !history.components().isEmpty()
                || !history.baseClusters().isEmpty()
                || !history.groupClusterings().isEmpty()) {
            throw new IllegalArgumentException("a history holds only the k smoother");
        }
        if (latest.containsKey(consultationId) || running.containsKey(consultationId)) {
            return false;
        }
        return states.saveIfAbsent(consultationId, history);
    }

    /**
     * Gives a theme a name a person would write, for this page, the summary and the council. Moderators and
     * administrators; at most 80 characters. The theme is recomputed with it at once.
     */
    public void nameTheme(long consultationId, long anchorIdeaId, String rawName) {
        InspraakUser user = currentUser.requireStaff();
        if (rawName == null || TextInput.showsNothing(rawName)) {
            throw new InspraakException("error.theme.name-empty");
        }
        if (TextInput.isUnsafe(rawName)) {
            throw new InspraakException("error.text.control-characters");
        }
        String name = rawName.strip().replaceAll("\\s+", " ");
        if (name.length() > 80) {
            throw new InspraakException("error.theme.name-long", 80);
        }
        requireIdeaOf(consultationId, anchorIdeaId);
        themeNames.name(consultationId, anchorIdeaId, name, user.id());
        stale.add(consultationId);
    }

    /** Merges the theme around one anchor idea into the theme around another, as moderators see they are one. */
    public void mergeThemes(long consultationId, long anchorIdeaId, long intoAnchorIdeaId) {
        InspraakUser user = currentUser.requireStaff();
        if (anchorIdeaId == intoAnchorIdeaId) {
            throw new InspraakException("error.theme.merge-self");
        }
        requireIdeaOf(consultationId, anchorIdeaId);
        requireIdeaOf(consultationId, intoAnchorIdeaId);
        themeNames.merge(consultationId, anchorIdeaId, intoAnchorIdeaId, user.id());
        stale.add(consultationId);
    }

    private void requireIdeaOf(long consultationId, long ideaId) {
        if (!ideas.consultationOf(ideaId).map(c -> c == consultationId).orElse(false)) {
            throw new InspraakException("error.not-found");
        }
    }

    private void requireReader() {
        if (!currentUser.has(Role.MODERATOR) && !currentUser.has(Role.ADMIN) && !currentUser.has(Role.COUNCIL_MEMBER)) {
            throw new InspraakException("error.insight.access");
        }
    }

    private final class Job {
        final CompletableFuture<Insights> future = new CompletableFuture<>();
        final List<DoubleConsumer> listeners = new CopyOnWriteArrayList<>();
    }

    private CompletableFuture<Insights> start(long consultationId, DoubleConsumer progress) {
        Job job = running.computeIfAbsent(consultationId, id -> {
            Job j = new Job();
            stale.remove(id);
            executor.submit(() -> {
                try {
                    Insights result = compute(id, p -> j.listeners.forEach(l -> l.accept(p)));
                    latest.put(id, result);
                    j.future.complete(result);
                } catch (RuntimeException | Error e) {
                    log.error("Insight computation for consultation {} failed", id, e);
                    j.future.completeExceptionally(e);
                } finally {
                    running.remove(id);
                }
            });
            return j;
        });
        if (progress != null) {
            job.listeners.add(progress);
        }
        return job.future;
    }

    @EventListener
    void onVote(IdeaService.VotesCounted e) {
        stale.add(e.consultationId());
    }

    @EventListener
    void onIdea(IdeaService.IdeaChanged e) {
        stale.add(e.consultationId());
    }

    @EventListener
    void onReaction(ReactionService.ReactionPosted e) {
        ideas.consultationOf(e.ideaId()).ifPresent(stale::add);
    }

    /** Recomputes stale results that someone has looked at, at most once a minute each. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void recomputeStale() {
        for (Long id : List.copyOf(stale)) {
            if (latest.containsKey(id) && !running.containsKey(id)) {
                start(id, null);
            }
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    // ---- the computation -------------------------------------------------------------------------

    @Transactional(readOnly = true)
    Insights compute(long consultationId, DoubleConsumer progress) {
        progress.accept(0.02);
        List<IdeaSummary> all = ideas.allFor(consultationId).stream()
                .filter(i -> i.mergedInto() == null)
                .toList();
        List<Long> ideaIds = all.stream().map(IdeaSummary::id).toList();
        List<VoteService.Cell> cells = votes.cells(ideaIds);
        List<ReactionService.Activity> activity = reactions.activity(ideaIds);
        progress.accept(0.15);

        // Vote matrix: every voter × every idea; hidden ideas and background statements count as moderated out (as in
        // Polis, whose math leaves metadata statements out with the moderated-out ones). Rows in the order people
        // first voted, as in Polis's matrix (it decides where a fresh k-means starts).
        Map<Long, Instant> firstVote = new HashMap<>();
        cells.forEach(c -> firstVote.merge(c.userId(), c.at(), (a, b) -> a.isBefore(b) ? a : b));
        long[] participants = firstVote.entrySet().stream()
                .sorted(Map.Entry.<Long, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .mapToLong(Map.Entry::getKey)
                .toArray();
        Map<Long, Integer> row = new HashMap<>();
        for (int i = 0; i < participants.length; i++) {
            row.put(participants[i], i);
        }
        long[] ideaArr = ideaIds.stream().mapToLong(Long::longValue).toArray();
        Map<Long, Integer> col = new HashMap<>();
        for (int j = 0; j < ideaArr.length; j++) {
            col.put(ideaArr[j], j);
        }
        double[][] m = new double[participants.length][ideaArr.length];
        for (double[] r : m) {
            Arrays.fill(r, Double.NaN);
        }
        for (VoteService.Cell c : cells) {
            m[row.get(c.userId())][col.get(c.ideaId())] = value(c.choice());
        }
        boolean[] out = new boolean[ideaArr.length];
        for (int j = 0; j < ideaArr.length; j++) {
            out[j] = all.get(j).hidden() || all.get(j).background();
        }
        OpinionGroups.Matrix matrix = new OpinionGroups.Matrix(participants, ideaArr, m, out);
        OpinionGroups.Result computed = OpinionGroups.compute(matrix, states.load(consultationId));
        states.save(consultationId, computed.state());
        OpinionGroups.Result groups = relabel(consultationId, computed);
        progress.accept(0.55);
        GroupStatements.Analysis analysis = GroupStatements.analyse(matrix, groups, 5, 8);

        Map<Long, IdeaSummary> byId = new HashMap<>();
        all.forEach(i -> byId.put(i.id(), i));
        Map<Long, Double> ideaSentiment = new HashMap<>();
        all.forEach(i -> ideaSentiment.put(i.id(), TextAnalysis.sentiment(i.title() + ". " + i.description())));
        LongFunction<IdeaRef> ref = id -> {
            IdeaSummary i = byId.get(id);
            return new IdeaRef(id, i.title(), i.agree(), i.disagree(), i.pass(), ideaSentiment.getOrDefault(id, 0.0));
        };
        List<Group> groupList = new ArrayList<>();
        for (int g = 0; g < groups.k(); g++) {
            int gg = g;
            int size = (int) Arrays.stream(groups.group()).filter(x -> x == gg).count();
            List<GroupStatement> statements = analysis.perGroup().get(g).stream()
                    .map(r -> new GroupStatement(ref.apply(r.ideaId()), r.agree(), r.groupRate(), r.restRate()))
                    .toList();
            groupList.add(new Group(g, groupLabel(g), size, statements));
        }
        List<SpreadIdea> consensus = analysis.consensus().stream()
                .map(s -> new SpreadIdea(ref.apply(s.ideaId()), s.agreeRates()))
                .toList();
        List<SpreadIdea> divisive = analysis.divisive().stream()
                .map(s -> new SpreadIdea(ref.apply(s.ideaId()), s.agreeRates()))
                .toList();
        progress.accept(0.65);

        List<IdeaSummary> visible = all.stream().filter(i -> !i.hidden()).toList();
        List<ThemeInsight> themes = themes(consultationId, visible, ideaSentiment, activity, ref);
        progress.accept(0.8);

        Map<Long, Double> reactionSentiment = new HashMap<>();
        activity.forEach(a -> reactionSentiment.put(a.id(), TextAnalysis.sentiment(a.body())));
        Sentiment ideasTone =
                tone(visible.stream().map(i -> ideaSentiment.get(i.id())).toList());
        Sentiment reactionsTone = tone(reactionSentiment.values());

        List<Point> map = new ArrayList<>();
        for (int i = 0; i < participants.length; i++) {
            map.add(new Point(participants[i], groups.positions()[i][0], groups.positions()[i][1], groups.group()[i]));
        }
        Set<Long> everyone = participantsOf(cells, visible, activity);
        List<DayCount> timeline = timeline(visible, cells, activity);
        List<Representation> representation = representation(everyone);
        progress.accept(1.0);
        return new Insights(
                consultationId,
                Instant.now(clock),
                everyone.size(),
                groups.groupedCount(),
                visible.size(),
                activity.size(),
                cells.size(),
                groupList,
                consensus,
                divisive,
                themes,
                ideasTone,
                reactionsTone,
                map,
                timeline,
                representation,
                groups.silhouette(),
                groups.groups(),
                (int) visible.stream().filter(IdeaSummary::background).count());
    }

    private static double value(VoteChoice c) {
        return switch (c) {
            case AGREE -> 1;
            case DISAGREE -> -1;
            case PASS -> 0;
        };
    }

    public static String groupLabel(int g) {
        return String.valueOf((char) ('A' + g));
    }

    /**
     * Keeps group letters stable between recomputations: each new group takes the letter of the previous group it
     * shares most participants with.
     */
    private OpinionGroups.Result relabel(long consultationId, OpinionGroups.Result r) {
        Insights previous = latest.get(consultationId);
        if (previous == null || r.k() == 0) {
            return r;
        }
        int k = r.k();
        int[][] overlap = new int[k][Math.max(k, previous.groups().size())];
        for (int i = 0; i < r.participants().length; i++) {
            Integer old = previous.groupOf().get(r.participants()[i]);
            if (r.group()[i] >= 0 && old != null && old < overlap[0].length) {
                overlap[r.group()[i]][old]++;
            }
        }
        int[] mapping = new int[k];
        Arrays.fill(mapping, -1);
        boolean[] taken = new boolean[overlap[0].length];
        for (int round = 0; round < k; round++) {
            int bestNew = -1;
            int bestOld = -1;
            int best = -1;
            for (int n = 0; n < k; n++) {
                if (mapping[n] >= 0) {
                    continue;
                }
                for (int o = 0; o < overlap[n].length; o++) {
                    if (!taken[o] && overlap[n][o] > best) {
                        best = overlap[n][o];
                        bestNew = n;
                        bestOld = o;
                    }
                }
            }
            mapping[bestNew] = bestOld;
            taken[bestOld] = true;
        }
        // Letters beyond the previous ones may leave gaps; compact to 0..k-1 keeping the order.
        int[] order = Arrays.stream(mapping).sorted().toArray();
        int[] group = r.group().clone();
        for (int i = 0; i < group.length; i++) {
            if (group[i] >= 0) {
                group[i] = Arrays.binarySearch(order, mapping[group[i]]);
            }
        }
        return r.withGroups(group);
    }

    private List<ThemeInsight> themes(
            long consultationId,
            List<IdeaSummary> visible,
            Map<Long, Double> ideaSentiment,
            List<ReactionService.Activity> activity,
            LongFunction<IdeaRef> ref) {
        List<TextAnalysis.Doc> docs = visible.stream()
                .map(i -> new TextAnalysis.Doc(i.id(), i.title(), i.title() + ". " + i.description()))
                .toList();
        Map<Long, IdeaSummary> byId = new HashMap<>();
        visible.forEach(i -> byId.put(i.id(), i));
        Map<Long, List<ReactionService.Activity>> reactionsOf = new HashMap<>();
        activity.forEach(a ->
                reactionsOf.computeIfAbsent(a.ideaId(), x -> new ArrayList<>()).add(a));
        Instant weekAgo = Instant.now(clock).minus(7, ChronoUnit.DAYS);
        List<ThemeInsight> out = new ArrayList<>();
        for (ThemeNames.Applied t : ThemeNames.apply(TextAnalysis.themes(docs), themeNames.of(consultationId))) {
            List<IdeaSummary> members = t.ideaIds().stream().map(byId::get).toList();
            int agree = members.stream().mapToInt(IdeaSummary::agree).sum();
            int disagree = members.stream().mapToInt(IdeaSummary::disagree).sum();
            double support = agree + disagree == 0 ? 0 : (double) agree / (agree + disagree);
            List<Double> scores = new ArrayList<>();
            List<Double> recent = new ArrayList<>();
            List<Double> before = new ArrayList<>();
            for (IdeaSummary i : members) {
                scores.add(ideaSentiment.get(i.id()));
                (i.createdAt().isAfter(weekAgo) ? recent : before).add(ideaSentiment.get(i.id()));
                for (ReactionService.Activity a : reactionsOf.getOrDefault(i.id(), List.of())) {
                    double s = TextAnalysis.sentiment(a.body());
                    scores.add(s);
                    (a.at().isAfter(weekAgo) ? recent : before).add(s);
                }
            }
            double mean =
                    scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double recentMean =
                    recent.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double beforeMean =
                    before.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            // The signal: this week's tone is negative and clearly below the weeks before.
            boolean turnedNegative = recent.size() >= 3 && recentMean < -0.05 && recentMean < beforeMean - 0.1;
            // "Strongest" means supported: an idea with more disagree than agree is never shown as a theme's best.
            List<IdeaRef> strongest = members.stream()
                    .filter(i -> i.agree() > i.disagree())
                    .sorted(Comparator.comparingInt((IdeaSummary i) -> -(i.agree() - i.disagree())))
                    .limit(3)
                    .map(i -> ref.apply(i.id()))
                    .toList();
            out.add(new ThemeInsight(
                    t.label(),
                    t.named(),
                    t.proposed(),
                    t.anchor(),
                    members.size(),
                    support,
                    mean,
                    strongest,
                    turnedNegative));
        }
        return out;
    }

    private static Sentiment tone(Collection<Double> scores) {
        int pos = 0;
        int neg = 0;
        int neu = 0;
        for (double s : scores) {
            switch (TextAnalysis.polarity(s)) {
                case "POSITIVE" -> pos++;
                case "NEGATIVE" -> neg++;
                default -> neu++;
            }
        }
        return new Sentiment(pos, neu, neg);
    }

    private List<DayCount> timeline(
            List<IdeaSummary> visible, List<VoteService.Cell> cells, List<ReactionService.Activity> activity) {
        ZoneId zone = clock.getZone();
        TreeMap<LocalDate, int[]> days = new TreeMap<>();
        Map<LocalDate, Set<Long>> active = new HashMap<>();
        for (IdeaSummary i : visible) {
            LocalDate d = LocalDate.ofInstant(i.createdAt(), zone);
            days.computeIfAbsent(d, x -> new int[3])[0]++;
            active.computeIfAbsent(d, x -> new HashSet<>()).add(i.authorId());
        }
        for (ReactionService.Activity a : activity) {
            LocalDate d = LocalDate.ofInstant(a.at(), zone);
            days.computeIfAbsent(d, x -> new int[3])[1]++;
            active.computeIfAbsent(d, x -> new HashSet<>()).add(a.authorId());
        }
        for (VoteService.Cell c : cells) {
            LocalDate d = LocalDate.ofInstant(c.at(), zone);
            days.computeIfAbsent(d, x -> new int[3])[2]++;
            active.computeIfAbsent(d, x -> new HashSet<>()).add(c.userId());
        }
        List<DayCount> out = new ArrayList<>();
        days.forEach((d, c) -> out.add(new DayCount(d, active.get(d).size(), c[0], c[1], c[2])));
        return out;
    }

    private List<Representation> representation(Set<Long> participantIds) {
        Map<Long, AccountService.Demographics> demo = accounts.demographics(participantIds);
        Map<String, BigDecimal> reference = new HashMap<>();
        population.findAll().forEach(p -> reference.put(p.getDimension() + ":" + p.getBand(), p.getSharePct()));
        Map<String, Integer> ages = new LinkedHashMap<>();
        Arrays.stream(AGE_BANDS).forEach(b -> ages.put(b, 0));
        Map<String, Integer> places = new LinkedHashMap<>();
        Map<Long, String> names = neighbourhoods.names();
        names.values().stream().sorted().forEach(n -> places.put(n, 0));
        int year = Year.now(clock).getValue();
        int knownAge = 0;
        int knownPlace = 0;
        for (AccountService.Demographics d : demo.values()) {
            if (d.birthYear() != null) {
                String band = ageBand(year - d.birthYear());
                if (band != null) {
                    ages.merge(band, 1, Integer::sum);
                    knownAge++;
                }
            }
            if (d.neighbourhoodId() != null && names.containsKey(d.neighbourhoodId())) {
                places.merge(names.get(d.neighbourhoodId()), 1, Integer::sum);
                knownPlace++;
            }
        }
        List<Representation> out = new ArrayList<>();
        int ka = knownAge;
        ages.forEach((band, n) -> out.add(
                new Representation("AGE", band, ka == 0 ? 0 : 100.0 * n / ka, pct(reference.get("AGE:" + band)))));
        int kp = knownPlace;
        places.forEach((band, n) -> out.add(new Representation(
                "NEIGHBOURHOOD", band, kp == 0 ? 0 : 100.0 * n / kp, pct(reference.get("NEIGHBOURHOOD:" + band)))));
        return out;
    }

    private static Double pct(BigDecimal b) {
        return b == null ? null : b.doubleValue();
    }

    static String ageBand(int age) {
        if (age < 16) {
            return null;
        }
        return age < 25 ? "16-24" : age < 35 ? "25-34" : age < 50 ? "35-49" : age < 65 ? "50-64" : "65+";
    }

    // ---- population reference table (admins) ----------------------------------------------------

    public record ShareRow(String dimension, String band, BigDecimal sharePct) {}

    @Transactional(readOnly = true)
    public List<ShareRow> populationShares() {
        return population.findAllByOrderByDimensionAscBandAsc().stream()
                .map(p -> new ShareRow(p.getDimension(), p.getBand(), p.getSharePct()))
                .toList();
    }

    /** Sets one share; a band's shares within a dimension may not add up to more than 100 %. */
    @Transactional
    public void setPopulationShare(String dimension, String band, BigDecimal pct) {
        currentUser.require(Role.ADMIN);
        if (!"AGE".equals(dimension) && !"NEIGHBOURHOOD".equals(dimension)) {
            throw new InspraakException("error.population.dimension");
        }
        if (band == null || band.isBlank() || band.strip().length() > 80) {
            throw new InspraakException("error.population.band");
        }
        if (pct == null || pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InspraakException("error.population.pct");
        }
        BigDecimal value = pct.setScale(2, RoundingMode.HALF_UP);
        BigDecimal others = population.findAll().stream()
                .filter(p -> p.getDimension().equals(dimension) && !p.getBand().equals(band.strip()))
                .map(PopulationShare::getSharePct)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (others.add(value).compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InspraakException("error.population.total");
        }
        population
                .findByDimensionAndBand(dimension, band.strip())
                .ifPresentOrElse(
                        p -> p.setSharePct(value),
                        () -> population.save(new PopulationShare(dimension, band.strip(), value)));
    }

    /** Seeding without a signed-in admin (demo data). */
    @Transactional
    public void seedPopulationShare(String dimension, String band, double pct) {
        population
                .findByDimensionAndBand(dimension, band)
                .ifPresentOrElse(
                        p -> p.setSharePct(BigDecimal.valueOf(pct)),
                        () -> population.save(new PopulationShare(dimension, band, BigDecimal.valueOf(pct))));
    }
}

package org.inspraak.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.inspraak.InspraakApplication;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaSort;
import org.inspraak.insight.GroupStatements;
import org.inspraak.insight.OpinionGroups;
import org.inspraak.polis.PolisFolder;
import org.inspraak.search.JudgedSearch;
import org.inspraak.search.SearchService;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The benchmark suite ({@code ./mvnw -Pbench verify}): builds a large municipality (100,000 ideas, 1,000,000
 * votes, 1,000,000 reactions) in a fresh data directory and measures the application's real services against
 * plain JDBC and SQL baselines, insight computation, start-up of the packaged jar and heap per browser session.
 * Writes target/bench/results.json and prints a table.
 */
public final class Benchmarks {

    static final int USERS = 20_000;
    /** Smaller runs for profiling one measure: -Dbench.ideas=10000 -Dbench.only=votes (README numbers use the defaults). */
    static final int IDEAS = Integer.getInteger("bench.ideas", 100_000);

    static final Set<String> ONLY =
            Set.of(System.getProperty("bench.only", "page,search,votes,insights,jar,sessions,cluster")
                    .split(","));
    static final int VOTES_PER_IDEA = 10;
    static final int REACTIONS_PER_IDEA = 10;
    static final String[] WORDS = ("bibliotheek parkeren fiets station straatverlichting afval container groen park "
                    + "speeltuin zwembad subsidie evenement markt centrum wijk buurthuis school sport vereniging bus trein "
                    + "belasting bezuiniging energie zonnepanelen isolatie water riolering boom bankje stoep verkeer snelheid "
                    + "drempel kruispunt jongeren ouderen zorg mantelzorg eenzaamheid vrijwilliger cultuur museum theater "
                    + "muziek festival kermis hond uitlaatplek graffiti veiligheid politie handhaving gemeentehuis loket "
                    + "digitaal formulier wachttijd huur woning starter nieuwbouw leegstand winkel ondernemer terras")
            .split(" ");

    /**
     * A realistic vocabulary: the domain words above plus pseudo-words to 5,000 in all, drawn with a Zipf
     * distribution (s = 1), as words are in real texts and in what people search for.
     */
    static final String[] VOCABULARY = vocabulary();

    /** The i-th most frequent word of the vocabulary. */
    public static String vocab(int i) {
        return VOCABULARY[i];
    }

    static final double[] ZIPF = zipf(VOCABULARY.length);

    static String[] vocabulary() {
        String[] v = new String[5_000];
        System.arraycopy(WORDS, 0, v, 0, WORDS.length);
        String[] syllables =
                "ba be bo bu da de do ka ke ko la le lo ma me mo na ne no pa pe po ra re ro sa se so ta te to va ve vo wa we za ze"
                        .split(" ");
        Random r = new Random(5);
        for (int i = WORDS.length; i < v.length; i++) {
            StringBuilder w = new StringBuilder();
            int n = 2 + r.nextInt(3);
            for (int k = 0; k < n; k++) {
                w.append(syllables[r.nextInt(syllables.length)]);
            }
            // Unique letters-only words: append the index written in syllables.
            for (int x = i; x > 0; x /= syllables.length) {
                w.append(syllables[x % syllables.length]);
            }
            v[i] = w.toString();
        }
        return v;
    }

    static double[] zipf(int n) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    public static String word(Random r) {
        int i = Arrays.binarySearch(ZIPF, r.nextDouble());
        return VOCABULARY[Math.min(VOCABULARY.length - 1, i < 0 ? -i - 1 : i)];
    }

    private final Path target;
    private final Path data;
    private final Map<String, Map<String, Object>> results = new LinkedHashMap<>();

    Benchmarks(Path target) {
        this.target = target;
        this.data = target.resolve("bench").resolve("data");
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "target").toAbsolutePath();
        new Benchmarks(target).run();
        System.exit(0);
    }

    void run() throws Exception {
        // -Dbench.reuse=true keeps the previous run's data set (for profiling; the votes measure adds rows).
        boolean reuse = Boolean.getBoolean("bench.reuse") && Files.isDirectory(data.resolve("db"));
        if (!reuse) {
            deleteRecursively(data);
            Files.createDirectories(data);
        }
        if (Set.of("page", "search", "votes", "insights").stream().anyMatch(ONLY::contains)) {
            onTheLargeDataSet(reuse);
        }
        if (ONLY.contains("cluster")) {
            new ClusterBenchmark(target.resolve("bench"), this::record).run();
        }
        if (ONLY.contains("jar")) {
            jarMeasures();
        }
        if (ONLY.contains("sessions")) {
            sessionMeasures();
        }
        write();
    }

    private void onTheLargeDataSet(boolean reuse) throws Exception {
        long consultationId;
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(InspraakApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--inspraak.demo-data=false",
                        "--inspraak.data-dir=" + data,
                        // The benchmark builds the index itself; the start's check of a reused data set (a count of
                        // every row, a rebuild if the analyzers changed) would run beside the measures.
                        "--inspraak.search.check-at-start=false",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=warn",
                        "--spring.autoconfigure.exclude="
                                + "com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration")) {
            DataSource ds = ctx.getBean(DataSource.class);
            if (reuse) {
                try (Connection c = ds.getConnection();
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select min(id) from consultation")) {
                    rs.next();
                    consultationId = rs.getLong(1);
                }
            } else {
                long t0 = System.nanoTime();
                consultationId = generate(ds, IDEAS);
                record("generate data set (100k ideas, 1M votes, 1M reactions)", ms(t0), "ms", null);
                t0 = System.nanoTime();
                Search.mapping(ctx.getBean(EntityManagerFactory.class))
                        .scope(Object.class)
                        .massIndexer()
                        .threadsToLoadObjects(2)
                        .startAndWait();
                record("build search index (1.1M documents)", ms(t0), "ms", null);
                record("search index size on disk", directorySize(data.resolve("index")) / 1e6, "MB", null);
            }

            if (ONLY.contains("page")) {
                firstPage(ctx.getBean(IdeaService.class), consultationId);
            }
            if (ONLY.contains("search")) {
                search(ctx.getBean(SearchService.class), ds);
                searchQuality(ctx.getBean(SearchService.class), ctx.getBean(IdeaService.class), ds, consultationId);
            }
            if (ONLY.contains("votes")) {
                votes(ctx.getBean(VoteService.class), ds, consultationId);
            }
            if (ONLY.contains("insights")) {
                insights();
            }
        }
    }

    // ---- data --------------------------------------------------------------------------------------

    /** The large municipality with {@code ideas} ideas (and ten votes and ten reactions each); its consultation. */
    static long generate(DataSource ds, int ideas) throws Exception {
        Random r = new Random(42);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long consultation;
            try (PreparedStatement p = c.prepareStatement("""
                    insert into consultation (title, question, background, ideas_from, voting_from, summarising_from,
                      closed_from, created_at, published_from) values (?, ?, '', ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                LocalDate today = LocalDate.now();
                p.setString(1, "Grote stad: benchmark");
                p.setString(2, "Waar besparen we op?");
                p.setObject(3, today.minusDays(30));
                p.setObject(4, today.minusDays(30));
                p.setObject(5, today.plusDays(30));
                p.setObject(6, today.plusDays(60));
                p.setObject(7, now);
                p.setObject(8, now.minusDays(30)); // published: residents see it and vote
                p.executeUpdate();
                consultation = generatedKey(p);
            }
            long firstUser;
            try (PreparedStatement p = c.prepareStatement("""
                    insert into user_account (email, display_name, password_hash, email_verified, created_at)
                    values (?, ?, '{noop}unusable', true, ?)""")) {
                for (int i = 0; i < USERS + 4_000; i++) {
                    p.setString(1, "bench" + i + "@example.invalid");
                    p.setString(2, "Bewoner " + i);
                    p.setObject(3, now);
                    p.addBatch();
                    if (i % 5_000 == 4_999) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
                c.commit();
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select min(id) from user_account")) {
                rs.next();
                firstUser = rs.getLong(1);
            }
            try (PreparedStatement role =
                    c.prepareStatement("insert into user_role (user_id, role) values (?, 'RESIDENT')")) {
                for (int i = 0; i < USERS + 4_000; i++) {
                    role.setLong(1, firstUser + i);
                    role.addBatch();
                }
                role.executeBatch();
            }
            c.commit();
            long firstIdea;
            int[][] counts = new int[ideas][3];
            int[][] voters = new int[ideas][VOTES_PER_IDEA];
            for (int i = 0; i < ideas; i++) {
                for (int v = 0; v < VOTES_PER_IDEA; v++) {
                    voters[i][v] = (i * 7 + v * 1_999) % USERS; // distinct per idea: steps of 1,999 never repeat in 10
                    counts[i][r.nextInt(10) < 6 ? 0 : r.nextInt(2) + 1]++;
                }
            }
            try (PreparedStatement p = c.prepareStatement("""
                    insert into idea (consultation_id, author_id, title, description, status, agree_count,
                      disagree_count, pass_count, reaction_count, support_score, divisiveness, created_at, updated_at)
                    values (?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < ideas; i++) {
                    int a = counts[i][0];
                    int d = counts[i][1];
                    p.setLong(1, consultation);
                    p.setLong(2, firstUser + r.nextInt(USERS));
                    p.setString(3, sentence(r, 6));
                    p.setString(4, sentence(r, 25));
                    p.setInt(5, a);
                    p.setInt(6, d);
                    p.setInt(7, counts[i][2]);
                    p.setInt(8, REACTIONS_PER_IDEA);
                    p.setDouble(9, IdeaService.supportScore(a, d));
                    p.setInt(10, Math.min(a, d));
                    p.setObject(11, now.minusMinutes(ideas - i));
                    p.setObject(12, now);
                    p.addBatch();
                    if (i % 5_000 == 4_999) {
                        p.executeBatch();
                        c.commit();
                    }
                }
                p.executeBatch();
                c.commit();
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select min(id) from idea")) {
                rs.next();
                firstIdea = rs.getLong(1);
            }
            Random votesRandom = new Random(7);
            try (PreparedStatement p = c.prepareStatement("""
                    insert into vote (idea_id, user_id, choice, created_at, updated_at) values (?, ?, ?, ?, ?)""")) {
                int n = 0;
                for (int i = 0; i < ideas; i++) {
                    int[] left = counts[i].clone();
                    for (int v = 0; v < VOTES_PER_IDEA; v++) {
                        int choice = left[0] > 0 ? 0 : left[1] > 0 ? 1 : 2;
                        left[choice]--;
                        p.setLong(1, firstIdea + i);
                        p.setLong(2, firstUser + voters[i][v]);
                        p.setString(3, choice == 0 ? "AGREE" : choice == 1 ? "DISAGREE" : "PASS");
                        p.setObject(4, now);
                        p.setObject(5, now);
                        p.addBatch();
                        if (++n % 10_000 == 0) {
                            p.executeBatch();
                            c.commit();
                        }
                    }
                }
                p.executeBatch();
                c.commit();
                votesRandom.nextInt();
            }
            try (PreparedStatement p = c.prepareStatement("""
                    insert into reaction (idea_id, author_id, body, created_at, updated_at) values (?, ?, ?, ?, ?)""")) {
                int n = 0;
                for (int i = 0; i < ideas; i++) {
                    for (int k = 0; k < REACTIONS_PER_IDEA; k++) {
                        p.setLong(1, firstIdea + i);
                        p.setLong(2, firstUser + r.nextInt(USERS));
                        p.setString(3, sentence(r, 15));
                        p.setObject(4, now);
                        p.setObject(5, now);
                        p.addBatch();
                        if (++n % 10_000 == 0) {
                            p.executeBatch();
                            c.commit();
                        }
                    }
                }
                p.executeBatch();
                c.commit();
            }
            return consultation;
        }
    }

    private static long generatedKey(PreparedStatement p) throws Exception {
        try (ResultSet rs = p.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String sentence(Random r, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(word(r));
        }
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        return b.append('.').toString();
    }

    // ---- measures ----------------------------------------------------------------------------------

    private void firstPage(IdeaService ideas, long consultationId) {
        for (int i = 0; i < 30; i++) {
            ideas.list(consultationId, IdeaSort.MOST_SUPPORT, 0, 0, 20);
        }
        long[] times = new long[100];
        for (int i = 0; i < times.length; i++) {
            long t = System.nanoTime();
            List<IdeaService.IdeaSummary> page = ideas.list(consultationId, IdeaSort.MOST_SUPPORT, 0, 0, 20);
            times[i] = System.nanoTime() - t;
            if (page.size() != 20) {
                throw new IllegalStateException("first page has " + page.size() + " ideas");
            }
        }
        record("(c) first page of 100,000 ideas by support, p50", p(times, 50) / 1e6, "ms", null);
    }

    /**
     * The judged query set (src/test/resources/search) over its ideas in a consultation of their own, in the large
     * index: the 1.1 million other documents shape the word statistics the ranking uses.
     */
    private void searchQuality(SearchService search, IdeaService ideas, DataSource ds, long consultationId)
            throws Exception {
        long author;
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select min(id) from user_account")) {
            rs.next();
            author = rs.getLong(1);
        }
        long judged;
        try (Connection c = ds.getConnection();
                PreparedStatement copy = c.prepareStatement(
                        "insert into consultation (title, question, background, ideas_from, voting_from, "
                                + "summarising_from, closed_from, created_at) select 'Zoektest', question, background, "
                                + "ideas_from, voting_from, summarising_from, closed_from, created_at "
                                + "from consultation where id = ?",
                        new String[] {"id"})) {
            copy.setLong(1, consultationId);
            copy.executeUpdate();
            try (ResultSet key = copy.getGeneratedKeys()) {
                key.next();
                judged = key.getLong(1);
            }
        }
        Map<String, Long> ids = JudgedSearch.postIdeas(ideas, author, judged);
        JudgedSearch.Quality q = JudgedSearch.evaluate(search, judged, ids);
        record(
                "(b) judged query set: recall in the first 10 results (" + q.queries() + " queries)",
                q.recallAt10(),
                "",
                null);
        record("(b) judged query set: mean reciprocal rank", q.meanReciprocalRank(), "", null);
    }

    private static long directorySize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    private void search(SearchService search, DataSource ds) throws Exception {
        Random r = new Random(3);
        // Steady state, as on a server that has been answering for a while: the JIT has compiled the hot paths.
        for (int i = 0; i < 1_000; i++) {
            search.search(word(r), SearchService.Filters.NONE, 0, 20);
        }
        // -Dbench.query=bibliotheek,fiets: times each of these queries alone, repeated (for profiling one query).
        for (String alone : System.getProperty("bench.query", "").split(",")) {
            if (!alone.isBlank()) {
                long[] took = new long[300];
                for (int i = 0; i < took.length; i++) {
                    long t = System.nanoTime();
                    search.search(alone, SearchService.Filters.NONE, 0, 20);
                    took[i] = System.nanoTime() - t;
                }
                System.out.printf(
                        "  query %-16s p50 %6.2f ms, p95 %6.2f ms%n", alone, p(took, 50) / 1e6, p(took, 95) / 1e6);
            }
        }
        long[] ours = new long[300];
        String[] queries = new String[ours.length];
        long[] found = new long[ours.length];
        for (int i = 0; i < ours.length; i++) {
            String q = word(r);
            long t = System.nanoTime();
            found[i] = search.search(q, SearchService.Filters.NONE, 0, 20).total();
            ours[i] = System.nanoTime() - t;
            queries[i] = q;
        }
        // -Dbench.slowest=true: which queries make the tail (the most common words, which match most ideas).
        if (Boolean.getBoolean("bench.slowest")) {
            Integer[] order = new Integer[ours.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Long.compare(ours[b], ours[a]));
            for (int k = 0; k < 20; k++) {
                int i = order[k];
                System.out.printf("  slow search %6.2f ms  %-16s %,d ideas%n", ours[i] / 1e6, queries[i], found[i]);
            }
        }
        long[] like = new long[Integer.getInteger("bench.likes", 20)];
        try (Connection c = ds.getConnection();
                PreparedStatement p = c.prepareStatement("""
                     select i.id from idea i where lower(i.title) like ? or lower(i.description) like ?
                       or exists (select 1 from reaction x where x.idea_id = i.id and lower(x.body) like ?)
                     order by i.id fetch first 20 rows only""");
                PreparedStatement count = c.prepareStatement("""
                     select count(*) from idea i where lower(i.title) like ? or lower(i.description) like ?
                       or exists (select 1 from reaction x where x.idea_id = i.id and lower(x.body) like ?)""")) {
            for (int i = 0; i < like.length; i++) {
                String pattern = "%" + word(r) + "%";
                long t = System.nanoTime();
                for (PreparedStatement s : List.of(p, count)) {
                    s.setString(1, pattern);
                    s.setString(2, pattern);
                    s.setString(3, pattern);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rs.getLong(1);
                        }
                    }
                }
                like[i] = System.nanoTime() - t;
            }
        }
        double p50 = p(ours, 50) / 1e6;
        double p95 = p(ours, 95) / 1e6;
        double likeP50 = p(like, 50) / 1e6;
        record("(b) search over 1.1M ideas and reactions, p50", p50, "ms", likeP50);
        record("(b) search over 1.1M ideas and reactions, p95", p95, "ms", p(like, 95) / 1e6);
    }

    private void votes(VoteService votes, DataSource ds, long consultationId) throws Exception {
        // Fresh pairs for both: extra users 20,000..23,999 vote on ideas they never saw.
        long firstUser;
        long firstIdea;
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select min(id) from user_account")) {
                rs.next();
                firstUser = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("select min(id) from idea")) {
                rs.next();
                firstIdea = rs.getLong(1);
            }
        }
        // Interleaved rounds, so neither side gets the quieter moments (the store settles after the bulk load).
        int rounds = 10;
        int perRound = 1_000;
        long serviceNanos = 0;
        long jdbcNanos = 0;
        try (Connection c = ds.getConnection();
                PreparedStatement p = c.prepareStatement("""
                     insert into vote (idea_id, user_id, choice, created_at, updated_at) values (?, ?, 'AGREE', ?, ?)""")) {
            c.setAutoCommit(true);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (int round = 0; round < rounds; round++) {
                long t = System.nanoTime();
                for (int k = 0; k < perRound; k++) {
                    int i = round * perRound + k;
                    votes.voteAs(
                            firstUser + USERS + (i % 2_000),
                            firstIdea + (i / 2_000) * 1_000 + i % 1_000,
                            VoteChoice.AGREE);
                }
                votes.catchUpCounts(); // the counter updates are part of the service's cost
                serviceNanos += System.nanoTime() - t;
                t = System.nanoTime();
                for (int k = 0; k < perRound; k++) {
                    int i = round * perRound + k;
                    p.setLong(1, firstIdea + IDEAS / 2 + (i / 2_000) * 1_000 + i % 1_000);
                    p.setLong(2, firstUser + USERS + 2_000 + (i % 2_000));
                    p.setObject(3, now);
                    p.setObject(4, now);
                    p.executeUpdate();
                }
                jdbcNanos += System.nanoTime() - t;
            }
        }
        int n = rounds * perRound;
        double service = n / (serviceNanos / 1e9);
        double jdbc = n / (jdbcNanos / 1e9);
        record(
                "(a) votes per second through VoteService (each committed on its own, counts caught up)",
                service,
                "votes/s",
                jdbc);
    }

    private void insights() throws Exception {
        Path largest;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/polis"))) {
            largest = s.filter(p -> Files.exists(p.resolve("votes.csv")))
                    .max(Comparator.comparingLong(
                            p -> p.resolve("votes.csv").toFile().length()))
                    .orElseThrow();
        }
        OpinionGroups.Matrix polis = PolisFolder.read(largest).matrix();
        OpinionGroups.compute(polis);
        long t = System.nanoTime();
        OpinionGroups.Result fresh = OpinionGroups.compute(polis);
        GroupStatements.analyse(polis, fresh, 5, 8);
        record(
                "(d) insights on the largest Polis conversation (" + largest.getFileName() + "), from scratch",
                ms(t),
                "ms",
                null);
        t = System.nanoTime();
        OpinionGroups.Result update = OpinionGroups.compute(polis, fresh.state());
        GroupStatements.analyse(polis, update, 5, 8);
        record("(d) insights on the largest Polis conversation, a live update from the kept state", ms(t), "ms", null);
        PolisFolder folder = PolisFolder.read(largest);
        t = System.nanoTime();
        folder.history(done -> {});
        record(
                "(d) an import replaying the largest Polis conversation's history for its number of groups ("
                        + OpinionGroups.HISTORY_UPDATES + " updates at most)",
                ms(t),
                "ms",
                null);

        Random r = new Random(11);
        int rows = 10_000;
        int cols = 2_000;
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            int camp = i % 3;
            Arrays.fill(m[i], Double.NaN);
            for (int k = 0; k < 60; k++) {
                int j = r.nextInt(cols);
                double base = (j % 3 == camp) ? 1 : -1;
                m[i][j] = r.nextDouble() < 0.15 ? 0 : r.nextDouble() < 0.8 ? base : -base;
            }
        }
        long[] p = new long[rows];
        Arrays.setAll(p, i -> i);
        long[] ideas = new long[cols];
        Arrays.setAll(ideas, j -> j);
        t = System.nanoTime();
        OpinionGroups.compute(new OpinionGroups.Matrix(p, ideas, m, new boolean[cols]));
        record("(d) insights on a synthetic 10,000 participants x 2,000 ideas matrix", ms(t), "ms", null);
    }

    private Path jar() throws IOException {
        try (Stream<Path> s = Files.list(target)) {
            return s.filter(f -> f.getFileName().toString().matches("inspraak-.*\\.jar"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /**
     * Live heap of signed-in residents, as the issue asks: each session signs in through the login form (Spring's
     * CSRF token from the page), then opens a page the way a browser does (the page, then Vaadin's init request,
     * which creates the UI and renders the view). Measured on the demo data: the consultation page with its idea
     * list, and an idea page with its reactions. Sign-ins are throttled per address and account, so the sessions
     * come from 50 loopback addresses, as residents come from many. Push is not connected (the HTTP client does not
     * speak Atmosphere), so the figure leaves out Push's per-connection buffers.
     */
    private void sessionMeasures() throws Exception {
        Path sessionsData = target.resolve("bench").resolve("sessions-data");
        deleteRecursively(sessionsData);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Started app = start(
                java,
                List.of("-Xmx1g", "-jar", jar().toString()),
                List.of("--inspraak.data-dir=" + sessionsData, "--inspraak.demo-data=true"),
                "sessions");
        try {
            URI base = URI.create("http://localhost:" + app.port() + "/");
            // The demo data is seeded after the web server answers; readiness turns UP once it is in.
            HttpClient probe = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (probe.send(
                                    HttpRequest.newBuilder(base.resolve("actuator/health/readiness"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode()
                    != 200) {
                if (System.nanoTime() > deadline || !app.process().isAlive()) {
                    throw new IllegalStateException("the demo application did not become ready");
                }
                Thread.sleep(500);
            }
            int sessions = 200;
            // One of each first, so that classes, templates and caches are loaded before the baseline.
            signedInPage(base, 0, 1, "gesprekken/1");
            signedInPage(base, 0, 2, "ideeen/1");
            for (String[] page : List.of(
                    new String[] {"gesprekken/1", "the consultation page with its idea list"},
                    new String[] {"ideeen/1", "an idea page with its reactions"})) {
                long before = settledHeap(app.process().pid());
                String name = page[0].replace('/', '-');
                histogram(app.process().pid(), "histogram-" + name + "-before.txt");
                List<HttpClient> open = new ArrayList<>();
                int round = page[0].startsWith("ideeen") ? 4 : 3;
                for (int i = 0; i < sessions; i++) {
                    open.add(signedInPage(base, i, round, page[0]));
                }
                // Residents read the page for a while: past the window in which Vaadin keeps each page's last answer
                // for a retry (inspraak.sessions.answer-kept, 30 s), which is when a session holds what it holds for
                // most of its life.
                Thread.sleep(TimeUnit.SECONDS.toMillis(35));
                long after = heapAfterGc(app.process().pid());
                histogram(app.process().pid(), "histogram-" + name + "-after.txt");
                record(
                        "(e) live heap per signed-in resident on " + page[1] + " (200 sessions, after full GC)",
                        (after - before) / 1024.0 / sessions,
                        "KB",
                        null);
                open.clear();
            }
        } finally {
            stop(app.process());
        }
    }

    /** What the heap holds by class, to compare before and after the sessions (target/bench/histogram-*.txt). */
    private void histogram(long pid, String file) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.class_histogram")
                .redirectErrorStream(true)
                .redirectOutput(target.resolve("bench").resolve(file).toFile())
                .start();
        p.waitFor();
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    /** A new browser session from its own loopback address: signs in as a demo resident and opens the page. */
    private static HttpClient signedInPage(URI base, int session, int round, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .localAddress(java.net.InetAddress.getByName("127.0." + round + "." + (2 + session % 50)))
                .build();
        URI home = URI.create(base.toString().replace("localhost", "127.0.0.1"));
        String login = client.send(
                        HttpRequest.newBuilder(home.resolve("login")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = CSRF.matcher(login);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + java.net.URLEncoder.encode("bewoner" + (1 + session % 50) + "@example.org", UTF_8)
                + "&password=inspraak-demo&_csrf=" + java.net.URLEncoder.encode(token.group(1), UTF_8);
        HttpResponse<String> signedIn = client.send(
                HttpRequest.newBuilder(home.resolve("login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String to = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || to.contains("error") || to.contains("blocked")) {
            throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + to);
        }
        client.send(HttpRequest.newBuilder(home.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> init = client.send(
                HttpRequest.newBuilder(home.resolve(
                                "?v-r=init&location=" + java.net.URLEncoder.encode(path, UTF_8) + "&query="))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // The init request creates the UI; the view itself is rendered by the client's first message, the
        // navigation event a browser sends at once, with the CSRF token Vaadin gave in the init response.
        Matcher key = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"").matcher(init.body());
        if (init.statusCode() != 200 || !key.find()) {
            throw new IllegalStateException("no Vaadin UI for " + path + ": " + init.statusCode());
        }
        String navigate = "{\"csrfToken\":\"" + key.group(1)
                + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\""
                + path + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],"
                + "\"syncId\":0,\"clientId\":0}";
        HttpResponse<String> view = client.send(
                HttpRequest.newBuilder(home.resolve("?v-r=uidl&v-uiId=0"))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(navigate))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String shown = view.body();
        // A list of ideas is a virtual list: the browser asks for the rows it shows, and only then are cards built.
        Matcher list = Pattern.compile("\"node\":(\\d+),\"type\":\"put\",\"key\":\"tag\",\"feat\":0,"
                        + "\"value\":\"vaadin-virtual-list\"")
                .matcher(shown);
        if (list.find()) {
            String rows = "{\"csrfToken\":\"" + key.group(1)
                    + "\",\"rpc\":[{\"type\":\"publishedEventHandler\",\"node\":" + list.group(1)
                    + ",\"templateEventMethodName\":\"setViewportRange\",\"templateEventMethodArgs\":[0,8],"
                    + "\"promise\":0}],\"syncId\":1,\"clientId\":1}";
            shown = client.send(
                            HttpRequest.newBuilder(home.resolve("?v-r=uidl&v-uiId=0"))
                                    .header("Content-Type", "application/json; charset=UTF-8")
                                    .POST(HttpRequest.BodyPublishers.ofString(rows))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        }
        // A signed-in resident sees the vote buttons, which nobody signed out sees: on an idea's page "vote-agree", on
        // the list each card's own vote ("mine") among the card's values.
        boolean votes = list.find(0) ? shown.contains("_mine\"") : shown.contains("vote-agree");
        if (view.statusCode() != 200 || !votes) {
            Files.writeString(Path.of("target/bench/view-failed.json"), shown);
            throw new IllegalStateException("no signed-in view for " + path + ": " + view.statusCode());
        }
        return client;
    }

    private void jarMeasures() throws Exception {
        Path jar = jar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> appArgs = List.of("--inspraak.data-dir=" + data, "--inspraak.demo-data=false");

        // Plain java -jar.
        Started plain = start(java, List.of("-Xmx2g", "-jar", jar.toString()), appArgs, "plain");
        stop(plain.process());
        record("(f) start-up to first page with the large data set, java -jar", plain.millis(), "ms", null);

        // The recommended deployment: the extracted jar with an AOT cache from a training run (JEP 483/514/515), as
        // ./mvnw package lays it out in target/app on JDK 25. First the extracted jar alone, to tell the share of
        // the layout (plain jar files instead of jars nested in a jar) from the share of the cache.
        Path app = target.resolve("bench").resolve("app");
        deleteRecursively(app);
        run(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", app.toString());
        Path extracted = app.resolve(jar.getFileName());
        Started bare = start(java, List.of("-Xmx2g", "-jar", extracted.toString()), appArgs, "extracted");
        stop(bare.process());
        record(
                "(f) start-up to first page with the large data set, extracted jar without AOT cache",
                bare.millis(),
                "ms",
                plain.millis());
        Path cache = target.resolve("bench").resolve("inspraak.aot");
        List<String> training = new ArrayList<>(List.of(
                java,
                "-Xmx2g",
                "-XX:AOTCacheOutput=" + cache,
                "-Xlog:aot=error",
                "-Dspring.context.exit=onRefresh",
                "-jar",
                extracted.toString(),
                "--server.port=0"));
        training.addAll(appArgs);
        run(training.toArray(String[]::new));
        Started aot =
                start(java, List.of("-Xmx2g", "-XX:AOTCache=" + cache, "-jar", extracted.toString()), appArgs, "aot");
        try {
            record(
                    "(f) start-up to first page with the large data set, extracted jar with AOT cache",
                    aot.millis(),
                    "ms",
                    plain.millis());
            URI home = URI.create("http://localhost:" + aot.port() + "/");
            // The start leaves background work (the search index check, the vote count check) that holds memory
            // for a while; measure from a settled heap.
            long before = settledHeap(aot.process().pid());
            int sessions = 200;
            List<HttpClient> open = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                HttpClient client = HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .build();
                client.send(HttpRequest.newBuilder(home).build(), HttpResponse.BodyHandlers.ofString());
                // The browser's first request after the page: Vaadin creates the UI and renders the view.
                HttpResponse<String> init = client.send(
                        HttpRequest.newBuilder(URI.create(home + "?v-r=init&location=&query="))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (init.statusCode() != 200 || !init.body().contains("uiId")) {
                    throw new IllegalStateException("no Vaadin UI was created: " + init.statusCode());
                }
                open.add(client);
            }
            long after = heapAfterGc(aot.process().pid());
            record(
                    "(e) live heap per open browser session (200 sessions, after full GC)",
                    (after - before) / 1024.0 / sessions,
                    "KB",
                    null);
            open.clear();
        } finally {
            stop(aot.process());
        }
    }

    private record Started(Process process, double millis, int port) {}

    private Started start(String java, List<String> jvm, List<String> appArgs, String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvm);
        cmd.addAll(appArgs);
        cmd.add("--server.port=" + port);
        long started = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(
                        target.resolve("bench").resolve("app-" + name + ".log").toFile())
                .start();
        HttpClient probe = HttpClient.newHttpClient();
        URI home = URI.create("http://localhost:" + port + "/");
        while (true) {
            try {
                if (probe.send(HttpRequest.newBuilder(home).build(), HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200) {
                    return new Started(p, ms(started), port);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("the application stopped; see target/bench/app-" + name + ".log");
            }
            Thread.sleep(50);
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        p.waitFor();
    }

    private void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(
                        target.resolve("bench").resolve("aot-training.log").toFile())
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", cmd));
        }
    }

    /** Heap after full GC, read until two readings a second apart agree within 256 KB (at most 60 s). */
    private static long settledHeap(long pid) throws Exception {
        long previous = heapAfterGc(pid);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            long now = heapAfterGc(pid);
            if (Math.abs(now - previous) < 256 * 1024) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    /** Used heap in bytes after a full GC, read with jcmd from the running application. */
    static long heapAfterGc(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run").start().waitFor();
        Thread.sleep(500);
        new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run").start().waitFor();
        Process p = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.heap_info")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Matcher m = USED.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("cannot read heap: " + out);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("Total\\s+\\d+\\s+(\\d+)");

    /**
     * The live objects' size in bytes: a class histogram forces a full collection and counts only what survives it.
     * Unlike {@link #heapAfterGc}, this is exact on a busy application too, where garbage made between the
     * collection and the reading would be counted.
     */
    static long liveHeap(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.class_histogram")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Matcher m = HISTOGRAM_TOTAL.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException(
                    "cannot read the class histogram: " + out.substring(0, Math.min(300, out.length())));
        }
        return Long.parseLong(m.group(1));
    }

    // ---- results -----------------------------------------------------------------------------------

    void record(String name, double value, String unit, Double baseline) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("value", round(value));
        m.put("unit", unit);
        if (baseline != null) {
            m.put("baseline", round(baseline));
            // For rates higher is better (ratio = ours / baseline); for times, ratio = baseline / ours (speed-up).
            m.put("ratio", round(unit.endsWith("/s") ? value / baseline : baseline / value));
        }
        results.put(name, m);
        System.out.printf(
                Locale.ROOT,
                "  %-75s %12.2f %-8s%s%n",
                name,
                value,
                unit,
                baseline == null
                        ? ""
                        : String.format(Locale.ROOT, " baseline %.2f, ratio %.2f", baseline, m.get("ratio")));
    }

    /**
     * Writes this run's figures into results.json, keeping the figures of earlier runs it did not measure (a run of
     * {@code -Dbench.only=sessions} used to drop the load test's and every other part's).
     */
    private void write() throws IOException {
        Path out = target.resolve("bench").resolve("results.json");
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> merged = new LinkedHashMap<>();
        if (Files.exists(out)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> previous = json.readValue(out.toFile(), Map.class);
            doc.putAll(previous);
            if (previous.get("results") instanceof List<?> earlier) {
                for (Object e : earlier) {
                    if (e instanceof Map<?, ?> m && m.get("name") instanceof String name) {
                        merged.put(name, m);
                    }
                }
            }
        }
        results.values().forEach(m -> merged.put((String) m.get("name"), m));
        doc.put("cores", Runtime.getRuntime().availableProcessors());
        doc.put("java", System.getProperty("java.version"));
        doc.put("date", LocalDate.now(Clock.systemUTC()).toString());
        doc.put("results", new ArrayList<>(merged.values()));
        Files.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        System.out.println();
        System.out.println("| measure | value | unit | baseline | ratio |");
        System.out.println("|---|---|---|---|---|");
        for (Map<String, Object> m : results.values()) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s |%n",
                    m.get("name"),
                    m.get("value"),
                    m.get("unit"),
                    m.getOrDefault("baseline", ""),
                    m.getOrDefault("ratio", ""));
        }
        System.out.println("Written to " + out + " (" + Runtime.getRuntime().availableProcessors() + " cores)");
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    static double p(long[] times, int percentile) {
        long[] s = times.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(percentile / 100.0 * s.length) - 1)];
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

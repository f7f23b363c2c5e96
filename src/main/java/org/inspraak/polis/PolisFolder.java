package org.inspraak.polis;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.inspraak.insight.OpinionGroups;

/**
 * A Polis open-data export folder (comments.csv, summary.csv, and votes.csv or participants-votes.csv), read and
 * checked completely before anything is imported. Every problem names the file and line; what the import had to
 * make up for (votes without times, statements without text) is listed in {@link #notes()}.
 */
public record PolisFolder(
        String topic,
        String description,
        String url,
        List<Comment> comments,
        List<VoteRow> votes,
        boolean votesHaveTimes,
        Map<Long, Integer> polisGroups,
        List<String> notes) {

    /**
     * A statement. {@code meta} marks Polis's metadata statements (the {@code is-meta} column of its newer exports):
     * questions about the participant rather than opinions, which Polis's math leaves out of the map and the groups
     * as it does moderated-out statements ({@code mod-update} in {@code conversation.clj}).
     */
    public record Comment(long id, long authorId, Instant createdAt, int moderated, String body, boolean meta) {
        public boolean moderatedOut() {
            return moderated < 0;
        }
    }

    public record VoteRow(long participant, long commentId, int vote, Instant at) {}

    /** A malformed export: which file, which line (1-based, the header is line 1; 0 for the whole file). */
    public static final class FormatException extends Exception {
        private final String file;
        private final long line;

        public FormatException(String file, long line, String message) {
            super(file + (line > 0 ? ", regel " + line : "") + ": " + message);
            this.file = file;
            this.line = line;
        }

        public String file() {
            return file;
        }

        public long line() {
            return line;
        }
    }

    private static final List<String> COMMENT_COLUMNS =
            List.of("timestamp", "comment-id", "author-id", "moderated", "comment-body");
    private static final List<String> VOTE_COLUMNS = List.of("timestamp", "comment-id", "voter-id", "vote");
    public static final int MAX_BODY = 5_000;

    public static PolisFolder read(Path folder) throws FormatException {
        if (!Files.isDirectory(folder)) {
            throw new FormatException(folder.toString(), 0, "map bestaat niet");
        }
        Map<String, String> summary = readSummary(folder.resolve("summary.csv"));
        List<String> notes = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        Map<Long, Comment> byId = new HashMap<>();
        forEach(folder.resolve("comments.csv"), COMMENT_COLUMNS, (r, line) -> {
            long id = number(r, "comment-id", "comments.csv", line);
            int moderated = (int) number(r, "moderated", "comments.csv", line);
            if (moderated < -1 || moderated > 1) {
                throw new FormatException("comments.csv", line, "moderated moet -1, 0 of 1 zijn");
            }
            String body = bodyOf(r);
            if (body == null || body.isBlank()) {
                // Polis exports hold statements whose text was removed; their votes still count.
                body = "Stelling " + id + " (zonder tekst in de Polis-export)";
                notes.add("comments.csv, regel " + line + ": stelling " + id + " heeft geen tekst; bewaard als '" + body
                        + "'");
            }
            if (body.length() > MAX_BODY) {
                throw new FormatException("comments.csv", line, "comment-body langer dan " + MAX_BODY + " tekens");
            }
            Comment c = new Comment(
                    id,
                    number(r, "author-id", "comments.csv", line),
                    instant(number(r, "timestamp", "comments.csv", line)),
                    moderated,
                    body.strip(),
                    r.isMapped("is-meta") && flag(r, "is-meta", "comments.csv", line));
            if (byId.put(id, c) != null) {
                throw new FormatException("comments.csv", line, "comment-id " + id + " komt twee keer voor");
            }
            comments.add(c);
        });
        if (comments.isEmpty()) {
            throw new FormatException("comments.csv", 0, "geen stellingen");
        }
        long meta = comments.stream().filter(Comment::meta).count();
        if (meta > 0) {
            notes.add(meta + (meta == 1 ? " stelling is" : " stellingen zijn")
                    + " in Polis gemarkeerd als metadata (een vraag over de deelnemer zelf) en "
                    + (meta == 1 ? "wordt een achtergrondvraag" : "worden achtergrondvragen")
                    + ": de stemmen tellen mee, maar niet voor de meningsgroepen.");
        }
        List<VoteRow> votes;
        Path pv = folder.resolve("participants-votes.csv");
        boolean timed = Files.exists(folder.resolve("votes.csv"));
        if (!timed && !Files.exists(pv)) {
            throw new FormatException(
                    "votes.csv",
                    0,
                    "bestand ontbreekt, en participants-votes.csv ook; de stemmen staan in een van beide");
        }
        if (timed) {
            votes = readVotes(folder.resolve("votes.csv"), byId);
        } else {
            votes = votesFromMatrix(pv, byId);
            notes.add("votes.csv ontbreekt: de stemmen komen uit participants-votes.csv. Die kent geen tijdstippen;"
                    + " als tijdstip van een stem geldt dat van de stelling.");
        }
        Map<Long, Integer> groups = new LinkedHashMap<>();
        if (Files.exists(pv)) {
            forEach(pv, List.of("participant", "group-id"), (r, line) -> {
                String g = r.get("group-id");
                if (g != null && !g.isBlank()) {
                    groups.put(number(r, "participant", "participants-votes.csv", line), (int)
                            number(r, "group-id", "participants-votes.csv", line));
                }
            });
        }
        return new PolisFolder(
                summary.getOrDefault("topic", folder.getFileName().toString()),
                summary.getOrDefault("conversation-description", ""),
                summary.getOrDefault("url", ""),
                List.copyOf(comments),
                votes,
                timed,
                groups,
                List.copyOf(notes));
    }

    /** votes.csv: later votes replace earlier ones, as in Polis; ordered by timestamp, then by file order. */
    private static List<VoteRow> readVotes(Path file, Map<Long, Comment> byId) throws FormatException {
        TreeMap<Long, List<VoteRow>> ordered = new TreeMap<>();
        forEach(file, VOTE_COLUMNS, (r, line) -> {
            long cid = number(r, "comment-id", "votes.csv", line);
            if (!byId.containsKey(cid)) {
                throw new FormatException("votes.csv", line, "onbekende comment-id " + cid);
            }
            long vote = number(r, "vote", "votes.csv", line);
            if (vote < -1 || vote > 1) {
                throw new FormatException("votes.csv", line, "vote moet -1, 0 of 1 zijn");
            }
            long pid = number(r, "voter-id", "votes.csv", line);
            if (pid < 0) {
                throw new FormatException("votes.csv", line, "negatieve voter-id");
            }
            long ts = number(r, "timestamp", "votes.csv", line);
            ordered.computeIfAbsent(ts, x -> new ArrayList<>()).add(new VoteRow(pid, cid, (int) vote, instant(ts)));
        });
        Map<String, VoteRow> last = new LinkedHashMap<>();
        ordered.values().forEach(list -> list.forEach(v -> last.put(v.participant() + ":" + v.commentId(), v)));
        return List.copyOf(last.values());
    }

    /**
     * participants-votes.csv: one row per participant, one column per comment id after the summary columns; an empty
     * cell is no vote. Votes keep the file's participant order.
     */
    private static List<VoteRow> votesFromMatrix(Path file, Map<Long, Comment> byId) throws FormatException {
        String name = "participants-votes.csv";
        List<VoteRow> votes = new ArrayList<>();
        forEach(file, List.of("participant"), (r, line) -> {
            long pid = number(r, "participant", name, line);
            if (pid < 0) {
                throw new FormatException(name, line, "negatief participant-nummer");
            }
            for (Map.Entry<String, String> cell : r.toMap().entrySet()) {
                Long cid = commentColumn(cell.getKey());
                String value = cell.getValue() == null ? "" : cell.getValue().strip();
                if (cid == null || value.isEmpty()) {
                    continue;
                }
                Comment c = byId.get(cid);
                if (c == null) {
                    throw new FormatException(name, 1, "kolom voor onbekende comment-id " + cid);
                }
                int vote;
                try {
                    vote = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    vote = 2;
                }
                if (vote < -1 || vote > 1) {
                    throw new FormatException(
                            name, line, "stem op " + cid + " moet -1, 0 of 1 zijn, niet '" + value + "'");
                }
                votes.add(new VoteRow(pid, cid, vote, c.createdAt()));
            }
        });
        return List.copyOf(votes);
    }

    /** A vote column of participants-votes.csv is named by a comment id; the others name summary figures. */
    private static Long commentColumn(String header) {
        if (header == null || header.isEmpty() || !header.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return Long.valueOf(header);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The vote matrix: participants in the order they first voted (as Polis's matrix grows), comments by id. */
    public OpinionGroups.Matrix matrix() {
        long[] cids = comments.stream().mapToLong(Comment::id).sorted().toArray();
        Map<Long, Integer> col = new HashMap<>();
        for (int j = 0; j < cids.length; j++) {
            col.put(cids[j], j);
        }
        // Participants in the order of their first vote (ties in file order), as the database orders them after an
        // import; Polis numbers its participants in the order they join, which this reproduces on its exports.
        Map<Long, Instant> firstVote = new LinkedHashMap<>();
        votes.forEach(v -> firstVote.merge(v.participant(), v.at(), (a, b) -> a.isBefore(b) ? a : b));
        long[] pids = firstVote.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .mapToLong(Map.Entry::getKey)
                .toArray();
        Map<Long, Integer> row = new HashMap<>();
        for (int i = 0; i < pids.length; i++) {
            row.put(pids[i], i);
        }
        double[][] m = new double[pids.length][cids.length];
        for (double[] r : m) {
            Arrays.fill(r, Double.NaN);
        }
        for (VoteRow v : votes) {
            m[row.get(v.participant())][col.get(v.commentId())] = v.vote();
        }
        Set<Long> out = new HashSet<>();
        // Polis's math leaves metadata statements out as it leaves moderated-out ones out (both are its mod-out).
        comments.stream().filter(c -> c.moderatedOut() || c.meta()).forEach(c -> out.add(c.id()));
        boolean[] moderatedOut = new boolean[cids.length];
        for (int j = 0; j < cids.length; j++) {
            moderatedOut[j] = out.contains(cids[j]);
        }
        return new OpinionGroups.Matrix(pids, cids, m, moderatedOut);
    }

    /**
     * Where the conversation's history leaves Polis's k smoother, to start the computation on {@link #matrix()}
     * from (see {@link OpinionGroups#history}); {@link OpinionGroups.State#EMPTY} when the votes have no times of
     * their own.
     */
    public OpinionGroups.State history(DoubleConsumer progress) {
        if (!votesHaveTimes) {
            return OpinionGroups.State.EMPTY;
        }
        List<OpinionGroups.TimedVote> timed = votes.stream()
                .map(v -> new OpinionGroups.TimedVote(v.participant(), v.commentId(), v.vote(), v.at().toEpochMilli()))
                .toList();
        return OpinionGroups.history(matrix(), timed, OpinionGroups.HISTORY_UPDATES, progress);
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(CSVRecord record, long line) throws FormatException;
    }

    private static void forEach(Path file, List<String> required, RowHandler handler) throws FormatException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new FormatException(name, 0, "bestand ontbreekt");
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader reader = strictUtf8(file);
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            for (String column : required) {
                if (!header.contains(column)) {
                    throw new FormatException(name, 1, "kolom '" + column + "' ontbreekt");
                }
            }
            long previousEnd = parser.getCurrentLineNumber();
            for (CSVRecord r : parser) {
                // The physical line where the record starts: a quoted value may span several lines.
                long line = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                if (!r.isConsistent() && !(r.size() > header.size() && BODY.equals(header.getLast()))) {
                    throw new FormatException(
                            name, line, "verwacht " + header.size() + " kolommen, gevonden " + r.size());
                }
                handler.handle(r, line);
            }
        } catch (FormatException e) {
            throw e;
        } catch (UncheckedIOException e) {
            throw unreadable(name, e.getCause());
        } catch (IOException | IllegalStateException e) {
            throw unreadable(name, e);
        }
    }

    private static FormatException unreadable(String name, Throwable e) {
        if (e instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException) {
            return new FormatException(name, 0, "geen geldige UTF-8-tekst");
        }
        return new FormatException(name, 0, "onleesbaar: " + e.getMessage());
    }

    private static Reader strictUtf8(Path file) throws IOException {
        return new InputStreamReader(
                Files.newInputStream(file),
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static Map<String, String> readSummary(Path file) throws FormatException {
        Map<String, String> m = new HashMap<>();
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new FormatException(name, 0, "bestand ontbreekt");
        }
        try (Reader reader = strictUtf8(file);
                CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT)) {
            for (CSVRecord r : parser) {
                if (r.size() >= 2) {
                    m.put(r.get(0).strip(), r.get(1).strip());
                }
            }
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            throw unreadable(name, e instanceof UncheckedIOException u ? u.getCause() : e);
        }
        return m;
    }

    private static final String BODY = "comment-body";

    /**
     * The statement's text. Polis's report export (server.ts) writes it as the last column without quoting it, so a
     * text with commas spans several values there; they are joined again. Quoted texts (the math export) are one value.
     */
    private static String bodyOf(CSVRecord r) {
        if (r.isConsistent()) {
            return r.get(BODY);
        }
        List<String> values = r.toList();
        int first = r.getParser().getHeaderNames().size() - 1;
        return String.join(",", values.subList(first, values.size()));
    }

    /**
     * Polis's math export writes times in milliseconds since 1970, its report export (server.ts) in seconds. Polis
     * began in 2012, so a time below 10^11 (March 1973 in milliseconds, year 5138 in seconds) is in seconds.
     */
    static Instant instant(long timestamp) {
        return timestamp < 100_000_000_000L ? Instant.ofEpochSecond(timestamp) : Instant.ofEpochMilli(timestamp);
    }

    /** A yes/no column as Polis writes it (true/false; t/f and 1/0 too); empty is no. */
    private static boolean flag(CSVRecord r, String column, String file, long line) throws FormatException {
        String v = r.get(column).strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "t", "1" -> true;
            case "false", "f", "0", "" -> false;
            default ->
                throw new FormatException(
                        file, line, "'" + column + "' is geen true of false: '" + r.get(column) + "'");
        };
    }

    private static long number(CSVRecord r, String column, String file, long line) throws FormatException {
        String v = r.get(column);
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new FormatException(file, line, "'" + column + "' is geen geheel getal: '" + v + "'");
        }
    }
}

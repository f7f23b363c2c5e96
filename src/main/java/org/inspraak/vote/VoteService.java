package org.inspraak.vote;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.inspraak.AfterTransaction;
import org.inspraak.DatabaseErrors;
import org.inspraak.InspraakException;
import org.inspraak.account.AccountService;
import org.inspraak.idea.IdeaService;
import org.inspraak.security.ClientIp;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.RateLimits;
import org.inspraak.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Casting and changing votes. One vote per resident per idea, enforced by the database. */
@Service
public class VoteService {

    private static final Logger log = LoggerFactory.getLogger(VoteService.class);

    private final VoteRepository votes;
    private final IdeaService ideas;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AccountService accounts;
    private final RateLimits rateLimits;
    private final ClientIp clientIp;
    private final VoteCounts counts;
    private final JdbcClient jdbc;

    VoteService(
            VoteRepository votes,
            IdeaService ideas,
            CurrentUser currentUser,
            Clock clock,
            AccountService accounts,
            RateLimits rateLimits,
            ClientIp clientIp,
            VoteCounts counts,
            JdbcClient jdbc) {
        this.votes = votes;
        this.ideas = ideas;
        this.currentUser = currentUser;
        this.clock = clock;
        this.accounts = accounts;
        this.rateLimits = rateLimits;
        this.clientIp = clientIp;
        this.counts = counts;
        this.jdbc = jdbc;
    }

    /** Casts or changes the current resident's vote. */
    public void vote(long ideaId, VoteChoice choice) {
        InspraakUser user = currentUser.require(Role.RESIDENT);
        accounts.requireCanParticipate(user.id());
        rateLimits.check(RateLimits.Action.VOTE, "user:" + user.id());
        rateLimits.checkIp(RateLimits.Action.VOTE, clientIp.current());
        voteAs(user.id(), ideaId, choice);
    }

    /**
     * Casts or changes a vote for the given user. Two tabs voting at the same moment both try to insert;
     * the unique key rejects one, and the retry then finds the other's row and changes it.
     * <p>
     * Only the vote row is written: the idea's counts are recounted from the rows shortly after (see
     * {@link VoteCounts}), so a burst of votes on one idea costs one counter update, not one per vote.
     */
    public void voteAs(long userId, long ideaId, VoteChoice choice) {
        if (choice == null) {
            throw new InspraakException("error.vote.choice");
        }
        long consultationId = ideas.requireOpenFor(ideaId, true);
        for (int attempt = 0; ; attempt++) {
            try {
                if (store(userId, ideaId, choice)) {
                    countAfterCommit(ideaId, consultationId);
                }
                return;
            } catch (DataIntegrityViolationException e) {
                // Only the unique key means another tab voted at the same moment; anything else is a fault that
                // must reach the log (and the person as an incident), never be retried away as a conflict.
                if (!DatabaseErrors.isUniqueViolation(e)) {
                    throw e;
                }
                if (attempt >= 3) {
                    String incident = DatabaseErrors.incidentCode();
                    log.warn("Incident {}: vote of user {} on idea {} kept conflicting", incident, userId, ideaId, e);
                    throw new InspraakException("error.vote.conflict", incident);
                }
            }
        }
    }

    /**
     * Writes the vote with one statement, which is its own transaction: a vote is a single row, so it needs no
     * other. Returns whether anything changed.
     */
    private boolean store(long userId, long ideaId, VoteChoice choice) {
        OffsetDateTime now = Instant.now(clock).atOffset(ZoneOffset.UTC);
        // Most votes are first votes: on its own, try the insert, and only when the unique key says there is a
        // vote already, read and change it. Inside a caller's transaction a failed insert would spoil that
        // transaction on PostgreSQL, so there look first.
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        if (!inTransaction) {
            try {
                insert(userId, ideaId, choice, now);
                return true;
            } catch (DuplicateKeyException alreadyVoted) {
                // fall through to a change
            }
        }
        String existing = jdbc.sql("select choice from vote where idea_id = ? and user_id = ?")
                .params(ideaId, userId)
                .query(String.class)
                .optional()
                .orElse(null);
        if (existing == null) {
            // No vote yet (or it was withdrawn by a merge meanwhile). A concurrent first vote makes this insert
            // fail on the unique key; the caller's retry then finds and changes it.
            insert(userId, ideaId, choice, now);
            return true;
        }
        if (existing.equals(choice.name())) {
            return false;
        }
        return jdbc.sql("update vote set choice = ?, updated_at = ? where idea_id = ? and user_id = ? and choice = ?")
                                .params(choice.name(), now, ideaId, userId, existing)
                                .update()
                        == 1
                || store(userId, ideaId, choice); // someone else changed it meanwhile: look again
    }

    /** Within a caller's transaction the vote is only visible to the recount once that commits. */
    private void countAfterCommit(long ideaId, long consultationId) {
        AfterTransaction.commit(() -> counts.changed(ideaId, consultationId));
    }

    private void insert(long userId, long ideaId, VoteChoice choice, OffsetDateTime now) {
        jdbc.sql("insert into vote (idea_id, user_id, choice, created_at, updated_at) values (?, ?, ?, ?, ?)")
                .params(ideaId, userId, choice.name(), now, now)
                .update();
    }

    /**
     * Brings every idea's counts up to date with the vote rows now, instead of within the next fraction of a
     * second. For imports and tests that read counts right after voting.
     */
    public void catchUpCounts() {
        counts.catchUp();
    }

    /**
     * Moves the votes of a merged duplicate to the idea it was merged into. A resident who voted on both keeps
     * only the vote on the kept idea. Counts are recomputed from the vote rows, so they stay exact.
     */
    @Transactional
    public void mergeVotes(long fromIdeaId, long intoIdeaId) {
        Set<Long> votersOnKept =
                votes.findByIdea(intoIdeaId).stream().map(Vote::getUserId).collect(Collectors.toSet());
        for (Vote v : votes.findByIdea(fromIdeaId)) {
            if (votersOnKept.contains(v.getUserId())) {
                votes.delete(v);
            } else {
                v.moveTo(intoIdeaId);
            }
        }
        votes.flush();
        recount(fromIdeaId);
        recount(intoIdeaId);
    }

    /** Sets an idea's counts from its vote rows. */
    private void recount(long ideaId) {
        Map<VoteChoice, Long> t = new EnumMap<>(VoteChoice.class);
        votes.tally(ideaId).forEach(row -> t.put((VoteChoice) row[0], (Long) row[1]));
        ideas.setVoteCounts(
                ideaId,
                t.getOrDefault(VoteChoice.AGREE, 0L).intValue(),
                t.getOrDefault(VoteChoice.DISAGREE, 0L).intValue(),
                t.getOrDefault(VoteChoice.PASS, 0L).intValue());
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> exportFor(long userId) {
        return votes.findByUserId(userId).stream()
                .map(v -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("ideaId", v.getIdeaId());
                    m.put("choice", v.getChoice().name());
                    return m;
                })
                .toList();
    }

    /** Moves a deleted person's votes to an anonymous placeholder: still counted, no longer linkable. */
    @Transactional
    public void reassignVotes(long fromUserId, long toUserId) {
        votes.reassign(fromUserId, toUserId);
    }

    /** The current user's votes on the given ideas, for showing which button is pressed. */
    @Transactional(readOnly = true)
    public Map<Long, VoteChoice> myVotes(Collection<Long> ideaIds) {
        Optional<InspraakUser> user = currentUser.get();
        if (user.isEmpty() || ideaIds.isEmpty()) {
            return Map.of();
        }
        if (ideaIds.size() == 1) {
            return votes.findMine(user.get().id(), ideaIds).stream()
                    .collect(Collectors.toMap(row -> (Long) row[0], row -> (VoteChoice) row[1]));
        }
        // For a list, all of one's own votes through the voter's index: with the ideas in an IN list H2 seeks by idea
        // and reads every vote on each (2,588 rows for 32 cards after a busy evening, against the resident's 40).
        Set<Long> wanted = new HashSet<>(ideaIds);
        Map<Long, VoteChoice> out = new HashMap<>();
        for (Object[] row : votes.findAllMine(user.get().id())) {
            if (wanted.contains((Long) row[0])) {
                out.put((Long) row[0], (VoteChoice) row[1]);
            }
        }
        return out;
    }

    /**
     * The current user's votes on the ideas of one consultation, in one query: a list shows a page of cards at once,
     * and asking for each card's vote on its own was one query per card.
     */
    @Transactional(readOnly = true)
    public Map<Long, VoteChoice> myVotesIn(long consultationId) {
        Optional<InspraakUser> user = currentUser.get();
        if (user.isEmpty()) {
            return Map.of();
        }
        Map<Long, VoteChoice> out = new HashMap<>();
        for (Object[] row : votes.mineIn(user.get().id(), consultationId)) {
            out.put(((Number) row[0]).longValue(), VoteChoice.valueOf(row[1].toString()));
        }
        return out;
    }

    /** One cell of the participant × idea matrix: who voted what, when. */
    /** Everyone who voted on an idea of a consultation; they hear about its outcome. */
    @Transactional(readOnly = true)
    public Set<Long> voters(long consultationId) {
        return votes.votersIn(consultationId).stream().map(Number::longValue).collect(Collectors.toSet());
    }

    public record Cell(long userId, long ideaId, VoteChoice choice, Instant at) {}

    /** All votes on the given ideas, for insights. Read in one query; callers decide what to leave out. */
    @Transactional(readOnly = true)
    public List<Cell> cells(Collection<Long> ideaIds) {
        if (ideaIds.isEmpty()) {
            return List.of();
        }
        List<Cell> out = new ArrayList<>();
        for (List<Long> chunk : chunks(List.copyOf(ideaIds), 1000)) {
            for (Object[] r : votes.cells(chunk)) {
                out.add(new Cell((Long) r[0], (Long) r[1], (VoteChoice) r[2], (Instant) r[3]));
            }
        }
        return out;
    }

    private static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return out;
    }

    /** A vote carried over from another platform. */
    public record ImportedVote(long userId, long ideaId, VoteChoice choice, Instant at) {}

    /**
     * Bulk-inserts imported votes in the caller's transaction, then sets each idea's counts from the rows. The
     * unique key still holds: a duplicate (user, idea) pair fails the whole import.
     */
    @Transactional
    public void importVotes(List<ImportedVote> imported) {
        Set<Long> touched = new HashSet<>();
        List<Vote> batch = new ArrayList<>();
        for (ImportedVote v : imported) {
            Vote vote = new Vote(v.ideaId(), v.userId(), v.choice(), v.at());
            batch.add(vote);
            touched.add(v.ideaId());
        }
        votes.saveAll(batch);
        votes.flush();
        touched.forEach(this::recount);
    }

    /** The counts of one idea straight from its votes, for a page whose own vote the stored counts may not hold yet. */
    public record Tally(int agree, int disagree, int pass) {}

    @Transactional(readOnly = true)
    public Tally tally(long ideaId) {
        int[] n = new int[VoteChoice.values().length];
        for (Object[] row : votes.tally(ideaId)) {
            n[((VoteChoice) row[0]).ordinal()] = ((Number) row[1]).intValue();
        }
        return new Tally(n[VoteChoice.AGREE.ordinal()], n[VoteChoice.DISAGREE.ordinal()], n[VoteChoice.PASS.ordinal()]);
    }

    @Transactional(readOnly = true)
    public long countFor(long ideaId) {
        return votes.countByIdeaId(ideaId);
    }
}

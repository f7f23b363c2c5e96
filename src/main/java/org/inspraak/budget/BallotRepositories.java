package org.inspraak.budget;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface BallotItemRepository extends JpaRepository<BallotItem, Long> {

    List<BallotItem> findByConsultationIdOrderById(Long consultationId);

    Optional<BallotItem> findByConsultationIdAndIdeaId(Long consultationId, Long ideaId);
}

/** Ballots and their choices, through plain SQL: the unique keys and row locks do the concurrency work. */
interface BallotRepository extends JpaRepository<BallotItem, Long> {

    /** A person's ballots, one row per chosen idea (no row for an empty ballot's choices). */
    @Query(value = """
            select b.consultation_id, b.total_euros, b.updated_at, i.idea_id from ballot b
              left join ballot_choice c on c.ballot_id = b.id left join ballot_item i on i.id = c.item_id
             where b.user_id = :u order by b.consultation_id, i.idea_id""", nativeQuery = true)
    List<Object[]> ballotsOf(long u);

    @Modifying
    @Query(value = "update ballot set user_id = :to where user_id = :from", nativeQuery = true)
    void reassignBallots(long from, long to);

    @Query(value = "select count(*) from ballot where consultation_id = :c", nativeQuery = true)
    long countBallots(long c);

    @Query(value = "select id from ballot where consultation_id = :c and user_id = :u for update", nativeQuery = true)
    Optional<Long> lockBallot(long c, long u);

    @Modifying
    @Query(value = """
            insert into ballot (consultation_id, user_id, total_euros, created_at, updated_at)
            values (:c, :u, 0, :now, :now)""", nativeQuery = true)
    void insertBallot(long c, long u, Instant now);

    @Modifying
    @Query(value = "update ballot set total_euros = :total, updated_at = :now where id = :id", nativeQuery = true)
    void setTotal(long id, long total, Instant now);

    @Modifying
    @Query(value = "delete from ballot_choice where ballot_id = :id", nativeQuery = true)
    void clearChoices(long id);

    @Modifying
    @Query(
            value = "insert into ballot_choice (ballot_id, consultation_id, item_id) values (:id, :c, :item)",
            nativeQuery = true)
    void addChoice(long id, long c, long item);

    @Query(value = """
            select bc.item_id from ballot_choice bc join ballot b on b.id = bc.ballot_id
            where b.consultation_id = :c and b.user_id = :u""", nativeQuery = true)
    List<Long> myChoices(long c, long u);

    @Query(value = "select user_id from ballot where consultation_id = :c", nativeQuery = true)
    List<Long> voters(long c);

    /** (user, item) pairs of every ballot in a consultation. */
    @Query(value = """
            select b.user_id, bc.item_id from ballot_choice bc join ballot b on b.id = bc.ballot_id
            where b.consultation_id = :c""", nativeQuery = true)
    List<Object[]> choices(long c);

    @Query(value = "select theme_id, max_euros from ballot_theme_limit where consultation_id = :c", nativeQuery = true)
    List<Object[]> themeLimits(long c);

    @Modifying
    @Query(value = "delete from ballot_theme_limit where consultation_id = :c and theme_id = :t", nativeQuery = true)
    void deleteThemeLimit(long c, long t);

    @Modifying
    @Query(
            value = "insert into ballot_theme_limit (consultation_id, theme_id, max_euros) values (:c, :t, :max)",
            nativeQuery = true)
    void insertThemeLimit(long c, long t, long max);

    @Query(
            value = "select count(*) from ballot where consultation_id = :c and total_euros <> "
                    + "(select coalesce(sum(i.amount_euros), 0) from ballot_choice bc join ballot_item i on i.id = bc.item_id "
                    + "where bc.ballot_id = ballot.id)",
            nativeQuery = true)
    long inconsistentTotals(long c);
}

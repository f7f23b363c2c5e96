package org.inspraak.vote;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface VoteRepository extends JpaRepository<Vote, Long> {

    @Query("select v.ideaId, v.choice, count(v) from Vote v group by v.ideaId, v.choice")
    List<Object[]> allTallies();

    /** Idea and choice of one person's votes on the given ideas (no entities: a list asks for every screenful). */
    @Query("select v.ideaId, v.choice from Vote v where v.userId = :userId and v.ideaId in :ideaIds")
    List<Object[]> findMine(Long userId, Collection<Long> ideaIds);

    /** Idea and choice of all of one person's votes (through the index on the voter). */
    @Query("select v.ideaId, v.choice from Vote v where v.userId = :userId")
    List<Object[]> findAllMine(Long userId);

    long countByIdeaId(Long ideaId);

    List<Vote> findByUserId(Long userId);

    @Modifying
    @Query("update Vote v set v.userId = :to where v.userId = :from")
    int reassign(Long from, Long to);

    @Query("select v.userId, v.ideaId, v.choice, v.updatedAt from Vote v where v.ideaId in :ideaIds")
    List<Object[]> cells(Collection<Long> ideaIds);

    @Query("select v from Vote v where v.ideaId = :ideaId")
    List<Vote> findByIdea(Long ideaId);

    @Query(
            value =
                    "select distinct v.user_id from vote v join idea i on i.id = v.idea_id where i.consultation_id = :c",
            nativeQuery = true)
    List<Long> votersIn(long c);

    @Query(
            value = "select v.idea_id, v.choice from vote v join idea i on i.id = v.idea_id"
                    + " where v.user_id = :userId and i.consultation_id = :c",
            nativeQuery = true)
    List<Object[]> mineIn(long userId, long c);

    @Query("select v.choice, count(v) from Vote v where v.ideaId = :ideaId group by v.choice")
    List<Object[]> tally(Long ideaId);
}

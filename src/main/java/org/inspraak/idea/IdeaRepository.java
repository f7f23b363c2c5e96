package org.inspraak.idea;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface IdeaRepository extends JpaRepository<Idea, Long> {

    /**
     * Changes the vote counts in one statement, so concurrent voters never lose an update, then derives
     * the sort keys from the new counts: the Wilson lower bound (95 %) of the agree share, and
     * divisiveness as the size of the smaller camp.
     */
    /**
     * Changes the counts and, in the same statement, the derived support score (Wilson lower bound at 95 %) and
     * divisiveness. SQL evaluates every right-hand side against the old row, hence the repeated sums.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = """
            update idea set agree_count = agree_count + :agree, disagree_count = disagree_count + :disagree,
              pass_count = pass_count + :pass,
              divisiveness = least(agree_count + :agree, disagree_count + :disagree),
              support_score = case when agree_count + :agree + disagree_count + :disagree = 0 then 0 else
                (((agree_count + :agree) * 1.0 / (agree_count + :agree + disagree_count + :disagree))
                 + 1.9208 / (agree_count + :agree + disagree_count + :disagree)
                 - 1.96 * sqrt((((agree_count + :agree) * 1.0 / (agree_count + :agree + disagree_count + :disagree))
                               * (1 - (agree_count + :agree) * 1.0 / (agree_count + :agree + disagree_count + :disagree))
                               + 0.9604 / (agree_count + :agree + disagree_count + :disagree))
                              / (agree_count + :agree + disagree_count + :disagree)))
                / (1 + 3.8416 / (agree_count + :agree + disagree_count + :disagree)) end
            where id = :id""", nativeQuery = true)
    int addVotes(long id, int agree, int disagree, int pass);

    @Query("select i.consultationId, i.hidden, i.locked from Idea i where i.id = :id")
    List<Object[]> openState(long id);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = """
            update idea set
              divisiveness = least(agree_count, disagree_count),
              support_score = case when agree_count + disagree_count = 0 then 0 else
                ((agree_count * 1.0 / (agree_count + disagree_count)) + 1.9208 / (agree_count + disagree_count)
                 - 1.96 * sqrt(((agree_count * 1.0 / (agree_count + disagree_count))
                               * (1 - agree_count * 1.0 / (agree_count + disagree_count))
                               + 0.9604 / (agree_count + disagree_count)) / (agree_count + disagree_count)))
                / (1 + 3.8416 / (agree_count + disagree_count)) end
            where id = :id""", nativeQuery = true)
    int refreshScores(long id);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "update idea set agree_count = :agree, disagree_count = :disagree, pass_count = :pass where id = :id",
            nativeQuery = true)
    int setVotes(long id, int agree, int disagree, int pass);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "update idea set reaction_count = reaction_count + :delta where id = :id", nativeQuery = true)
    int addReactions(long id, int delta);

    @Query("select i from Idea i where i.consultationId = :consultationId and i.hidden = false order by i.pinned desc, i.createdAt desc, i.id desc")
    List<Idea> newest(long consultationId, Pageable page);

    @Query("select i from Idea i where i.consultationId = :consultationId and i.hidden = false order by i.pinned desc, i.supportScore desc, i.agreeCount desc, i.id desc")
    List<Idea> mostSupported(long consultationId, Pageable page);

    @Query("select i from Idea i where i.consultationId = :consultationId and i.hidden = false order by i.pinned desc, i.reactionCount desc, i.id desc")
    List<Idea> mostDiscussed(long consultationId, Pageable page);

    @Query("select i from Idea i where i.consultationId = :consultationId and i.hidden = false order by i.pinned desc, i.divisiveness desc, i.id desc")
    List<Idea> mostDivided(long consultationId, Pageable page);

    /** A shuffled but stable order: the same seed gives the same order, so paging does not repeat ideas. */
    @Query("select i from Idea i where i.consultationId = :consultationId and i.hidden = false order by mod(i.id * :seed, 1000003), i.id")
    List<Idea> shuffled(long consultationId, long seed, Pageable page);

    long countByConsultationIdAndHiddenFalse(long consultationId);

    List<Idea> findByConsultationIdOrderById(Long consultationId);

    boolean existsByAuthorIdAndTitleIgnoreCase(Long authorId, String title);

    long countByAuthorId(Long authorId);

    List<Idea> findByAuthorIdOrderByCreatedAt(Long authorId);

    @Modifying
    @Query(value = "update idea set client_ip = null where author_id = :authorId", nativeQuery = true)
    int eraseClientIps(long authorId);

    @Modifying
    @Query(value = "update idea set client_ip = null where client_ip is not null and created_at < :before", nativeQuery = true)
    int purgeClientIps(java.time.Instant before);

    @Query("select i.id from Idea i where i.consultationId = :consultationId")
    List<Long> idsOf(long consultationId);
}

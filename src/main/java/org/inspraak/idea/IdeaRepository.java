package org.inspraak.idea;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface IdeaRepository extends JpaRepository<Idea, Long> {

    /** The visible ideas of a consultation, narrowed by theme, neighbourhood and status where those are given. */
    String VISIBLE_FILTERED = "select i from Idea i where i.consultationId = :consultationId and i.hidden = false "
            + "and (:themeId is null or i.themeId = :themeId) "
            + "and (:neighbourhoodId is null or i.neighbourhoodId = :neighbourhoodId) "
            + "and (:status is null or i.status = :status) ";

    /** Sets the counts and the sort keys derived from them in one statement. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = """
            update idea set agree_count = :agree, disagree_count = :disagree, pass_count = :pass,
              support_score = :supportScore, divisiveness = :divisiveness where id = :id""", nativeQuery = true)
    int setVotes(long id, int agree, int disagree, int pass, double supportScore, int divisiveness);

    @Query("select i.id, i.agreeCount, i.disagreeCount, i.passCount from Idea i")
    List<Object[]> allVoteCounts();

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "update idea set reaction_count = reaction_count + :delta where id = :id", nativeQuery = true)
    int addReactions(long id, int delta);

    @Query(VISIBLE_FILTERED + "order by i.pinned desc, i.createdAt desc, i.id desc")
    List<Idea> newest(
            long consultationId,
            @Nullable Long themeId,
            @Nullable Long neighbourhoodId,
            @Nullable IdeaStatus status,
            Pageable page);

    @Query(VISIBLE_FILTERED + "order by i.pinned desc, i.supportScore desc, i.agreeCount desc, i.id desc")
    List<Idea> mostSupported(
            long consultationId,
            @Nullable Long themeId,
            @Nullable Long neighbourhoodId,
            @Nullable IdeaStatus status,
            Pageable page);

    @Query(VISIBLE_FILTERED + "order by i.pinned desc, i.reactionCount desc, i.id desc")
    List<Idea> mostDiscussed(
            long consultationId,
            @Nullable Long themeId,
            @Nullable Long neighbourhoodId,
            @Nullable IdeaStatus status,
            Pageable page);

    @Query(VISIBLE_FILTERED + "order by i.pinned desc, i.divisiveness desc, i.id desc")
    List<Idea> mostDivided(
            long consultationId,
            @Nullable Long themeId,
            @Nullable Long neighbourhoodId,
            @Nullable IdeaStatus status,
            Pageable page);

    /** A shuffled but stable order: the same seed gives the same order, so paging does not repeat ideas. */
    @Query(VISIBLE_FILTERED + "order by mod(i.id * :seed, 1000003), i.id")
    List<Idea> shuffled(
            long consultationId,
            @Nullable Long themeId,
            @Nullable Long neighbourhoodId,
            @Nullable IdeaStatus status,
            long seed,
            Pageable page);

    long countByConsultationIdAndHiddenFalse(long consultationId);

    @Query("select count(i) from Idea i where i.consultationId = :consultationId and i.hidden = false and "
            + "(:themeId is null or i.themeId = :themeId) and (:neighbourhoodId is null or i.neighbourhoodId = :neighbourhoodId) "
            + "and (:status is null or i.status = :status)")
    long countFiltered(
            long consultationId, @Nullable Long themeId, @Nullable Long neighbourhoodId, @Nullable IdeaStatus status);

    List<Idea> findByConsultationIdOrderById(Long consultationId);

    @Query("select distinct i.authorId from Idea i where i.consultationId = :consultationId")
    List<Long> authorsOf(Long consultationId);

    boolean existsByAuthorIdAndTitleIgnoreCase(Long authorId, String title);

    long countByAuthorId(Long authorId);

    List<Idea> findByAuthorIdOrderByCreatedAt(Long authorId);

    @Modifying
    @Query(value = "update idea set client_ip = null where author_id = :authorId", nativeQuery = true)
    int eraseClientIps(long authorId);

    @Modifying
    @Query(
            value = "update idea set client_ip = null where client_ip is not null and created_at < :before",
            nativeQuery = true)
    int purgeClientIps(Instant before);

    @Query("select i.id from Idea i where i.consultationId = :consultationId")
    List<Long> idsOf(long consultationId);
}

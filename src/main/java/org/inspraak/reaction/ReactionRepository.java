package org.inspraak.reaction;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ReactionRepository extends JpaRepository<Reaction, Long> {

    @Query(
            "select r.id, r.ideaId, r.body from Reaction r where r.id in :ids and r.hidden = false and r.deleted = false")
    List<Object[]> visibleTexts(Collection<Long> ids);

    @Query("select r from Reaction r where r.ideaId = :ideaId and r.parentId is null order by r.createdAt, r.id")
    List<Reaction> topLevel(long ideaId, Pageable page);

    @Query(
            "select r from Reaction r where r.ideaId in :ideaIds and r.hidden = false and r.deleted = false order by r.id")
    List<Reaction> visibleOn(Collection<Long> ideaIds);

    @Query("select count(r) from Reaction r where r.ideaId = :ideaId and r.parentId is null")
    long countTopLevel(long ideaId);

    @Query("select count(r) from Reaction r where r.ideaId = :ideaId and r.hidden = false and r.deleted = false")
    long countVisible(long ideaId);

    @Modifying
    @Query(
            value = "update reaction set client_ip = null where client_ip is not null and created_at < :before",
            nativeQuery = true)
    int purgeClientIps(Instant before);

    long countByAuthorId(Long authorId);

    List<Reaction> findByAuthorIdOrderByCreatedAt(Long authorId);

    @Modifying
    @Query(value = "update reaction set client_ip = null where author_id = :authorId", nativeQuery = true)
    int eraseClientIps(long authorId);

    long countByAuthorIdAndBodyAndCreatedAtAfter(Long authorId, String body, Instant since);

    @Query(
            value = "select distinct r.author_id from reaction r join idea i on i.id = r.idea_id "
                    + "where i.consultation_id = :c",
            nativeQuery = true)
    List<Long> authorsIn(long c);

    @Query("select r from Reaction r where r.parentId in :parentIds order by r.createdAt, r.id")
    List<Reaction> repliesTo(Collection<Long> parentIds);
}

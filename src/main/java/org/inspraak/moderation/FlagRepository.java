package org.inspraak.moderation;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface FlagRepository extends JpaRepository<Flag, Long> {

    boolean existsByTargetTypeAndTargetIdAndUserId(TargetType type, Long targetId, Long userId);

    @Query("""
            select count(f) from Flag f where f.targetType = :type and f.targetId = :id and f.resolvedAt is null
              and f.reason <> org.inspraak.moderation.FlagReason.AWAITS_APPROVAL""")
    long countOpen(TargetType type, Long id);

    @Query(
            "select f from Flag f where f.targetType = :type and f.targetId = :id and f.resolvedAt is null order by f.createdAt")
    List<Flag> open(TargetType type, Long id);

    /** The queue: contributions with open flags, most flagged first, then newest. Rows: type, id, count, latest. */
    @Query("""
            select f.targetType, f.targetId, count(f), max(f.createdAt) from Flag f where f.resolvedAt is null
            group by f.targetType, f.targetId order by count(f) desc, max(f.createdAt) desc""")
    List<Object[]> queue(Pageable page);

    /** Earlier reports on an author's contributions, decided already; each contribution counts once. */
    @Query("""
            select count(distinct concat(f.targetType, ':', f.targetId)) from Flag f
            where f.targetAuthorId = :authorId and f.resolvedAt is not null
              and f.reason <> org.inspraak.moderation.FlagReason.AWAITS_APPROVAL""")
    long earlierReported(Long authorId);

    @Query("select count(distinct concat(f.targetType, ':', f.targetId)) from Flag f where f.resolvedAt is null")
    long pending();

    @Modifying
    @Query(
            "update Flag f set f.resolvedAt = :now where f.targetType = :type and f.targetId = :id and f.resolvedAt is null")
    int resolve(TargetType type, Long id, Instant now);
}

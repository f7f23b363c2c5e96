package org.inspraak.calendar;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UpdateRepository extends JpaRepository<Update, Long> {

    @Query(
            "select u from Update u where u.consultationId = :c and u.publishAt >= :from and u.publishAt < :to order by u.publishAt, u.id")
    List<Update> planned(long c, Instant from, Instant to);

    @Query("select u from Update u where u.publishedAt is null and u.publishAt <= :now order by u.publishAt, u.id")
    List<Update> due(Instant now);

    /**
     * Marks one due update published, only if no one did so meanwhile: 1 for the one caller that wins, 0 for any
     * other node or run that picked the same update, so it is announced exactly once.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Update u set u.publishedAt = :now where u.id = :id and u.publishedAt is null")
    int claim(long id, Instant now);

    @Query(
            "select u from Update u where u.consultationId = :c and u.publishedAt is not null order by u.publishedAt desc, u.id desc")
    List<Update> published(long c);
}

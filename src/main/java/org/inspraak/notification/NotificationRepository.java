package org.inspraak.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    @Query("select n from Notification n where n.userId = :userId order by n.createdAt desc, n.id desc")
    List<Notification> forUser(Long userId, Pageable page);

    long countByUserId(Long userId);

    @Modifying
    @Query("delete from Notification n where n.userId = :userId")
    int deleteByUser(Long userId);

    long countByUserIdAndReadAtIsNull(Long userId);

    @Modifying
    @Query("update Notification n set n.readAt = :now where n.userId = :userId and n.readAt is null")
    int markAllRead(Long userId, Instant now);

    @Query(
            "select n from Notification n where n.emailed = false and n.userId in :userIds order by n.userId, n.createdAt")
    List<Notification> notEmailed(List<Long> userIds);

    // In id order, so that every mail run locks its recipients in the same order and no two runs deadlock.
    @Query("select distinct n.userId from Notification n where n.emailed = false order by n.userId")
    List<Long> usersWithUnsentMail();

    @Query("select n from Notification n where n.emailed = false and n.userId = :userId order by n.createdAt, n.id")
    List<Notification> notEmailed(Long userId);

    /** When this person was last sent a notification mail, to bundle what follows soon after. */
    @Query("select max(n.emailedAt) from Notification n where n.userId = :userId")
    Optional<Instant> lastMailed(Long userId);
}

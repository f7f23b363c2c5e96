package org.inspraak.notification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface FollowRepository extends JpaRepository<Follow, Long> {

    boolean existsByUserIdAndTargetTypeAndTargetId(Long userId, Follow.Target targetType, Long targetId);

    @Modifying
    @Query("delete from Follow f where f.userId = :userId and f.targetType = :type and f.targetId = :targetId")
    int unfollow(Long userId, Follow.Target type, Long targetId);

    @Modifying
    @Query("delete from Follow f where f.userId = :userId")
    int deleteByUser(Long userId);

    @Modifying
    @Query("delete from Follow f where f.targetType = :type and f.targetId = :targetId")
    int deleteAll(Follow.Target type, Long targetId);

    @Query("select f.userId from Follow f where f.targetType = :type and f.targetId = :targetId")
    List<Long> followers(Follow.Target type, Long targetId);
}

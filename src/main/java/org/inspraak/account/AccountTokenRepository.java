package org.inspraak.account;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccountTokenRepository extends JpaRepository<AccountToken, Long> {

    Optional<AccountToken> findByTokenHash(String tokenHash);

    @Modifying
    @Query("delete from AccountToken t where t.userId = :userId")
    int deleteByUserId(Long userId);

    /** Invalidates older unused links when a new one is issued, so only the newest works. */
    @Modifying
    @Query(
            "update AccountToken t set t.usedAt = :now where t.userId = :userId and t.purpose = :purpose and t.usedAt is null")
    int invalidateOpen(Long userId, AccountToken.Purpose purpose, Instant now);
}

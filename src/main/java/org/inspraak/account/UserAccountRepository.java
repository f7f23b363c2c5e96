package org.inspraak.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByEmail(String email);

    Optional<UserAccount> findByUnsubscribeToken(String unsubscribeToken);

    boolean existsByEmail(String email);

    boolean existsByDemoTrue();

    @Query("select u from UserAccount u where lower(u.displayName) like :q or u.email like :q order by u.displayName")
    List<UserAccount> search(String q, Pageable page);

    @Query("select count(u) from UserAccount u where lower(u.displayName) like :q or u.email like :q")
    long countSearch(String q);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from UserAccount u where u.id = :id")
    Optional<UserAccount> lockById(long id);

    /** Names only: loading the accounts would also load each one's roles, one query per account. */
    @Query("select u.id, u.displayName from UserAccount u where u.id in :ids")
    List<Object[]> displayNamesOf(Collection<Long> ids);
}

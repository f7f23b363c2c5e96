package org.inspraak.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuditRepository extends JpaRepository<AuditEntry, Long> {

    @Query("""
            select a from AuditEntry a where (:action is null or a.action = :action)
              and (:actor = '' or lower(a.actorName) like :actor) order by a.createdAt desc, a.id desc""")
    List<AuditEntry> find(@Nullable String action, String actor, Pageable page);

    @Query("""
            select count(a) from AuditEntry a where (:action is null or a.action = :action)
              and (:actor = '' or lower(a.actorName) like :actor)""")
    long count(@Nullable String action, String actor);
}

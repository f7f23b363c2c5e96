package org.inspraak.consultation;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutcomeRepository extends JpaRepository<Outcome, Long> {

    @Query("select o.consultationId from Outcome o where o.publishedAt is not null and o.consultationId in :ids")
    List<Long> publishedAmong(Collection<Long> ids);
}

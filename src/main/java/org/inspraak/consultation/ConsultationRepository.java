package org.inspraak.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ConsultationRepository extends JpaRepository<Consultation, Long> {

    /** Open and upcoming first (by closing date), then the past ones, most recently closed first. */
    @Query("""
            select c from Consultation c where c.publishedFrom is not null and c.publishedFrom <= :now
            order by case when c.closedFrom > :today then 0 else 1 end,
                     case when c.closedFrom > :today then c.closedFrom end asc,
                     c.closedFrom desc, c.id desc""")
    List<Consultation> findForHome(LocalDate today, Instant now, Pageable page);

    @Query("select count(c) from Consultation c where c.publishedFrom is not null and c.publishedFrom <= :now")
    long countPublic(Instant now);

    /** For staff: drafts and planned ones first, then as on the home page. */
    @Query("""
            select c from Consultation c
            order by case when c.publishedFrom is null or c.publishedFrom > :now then 0 else 1 end,
                     case when c.closedFrom > :today then 0 else 1 end,
                     c.closedFrom desc, c.id desc""")
    List<Consultation> findForStaff(LocalDate today, Instant now, Pageable page);
}

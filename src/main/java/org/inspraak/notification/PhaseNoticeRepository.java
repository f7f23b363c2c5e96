package org.inspraak.notification;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PhaseNoticeRepository extends JpaRepository<PhaseNotice, PhaseNotice.Key> {

    /** Inserts the notice unless it exists; returns 1 only for the first caller, so a phase is announced once. */
    @Modifying
    @Query(value = """
            insert into phase_notice (consultation_id, phase, announced_at)
            select :consultationId, :phase, :now where not exists
              (select 1 from phase_notice where consultation_id = :consultationId and phase = :phase)""", nativeQuery = true)
    int claim(long consultationId, String phase, Instant now);
}

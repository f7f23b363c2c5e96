package org.inspraak.idea;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface IdeaStatusChangeRepository extends JpaRepository<IdeaStatusChange, Long> {

    List<IdeaStatusChange> findByIdeaIdOrderByChangedAtAscIdAsc(Long ideaId);

    /** Every step of the ideas of one consultation, oldest first; the outcome page takes each idea's latest. */
    @Query("select c from IdeaStatusChange c where c.ideaId in "
            + "(select i.id from Idea i where i.consultationId = :consultationId) order by c.changedAt, c.id")
    List<IdeaStatusChange> forConsultation(Long consultationId);
}

package org.inspraak.idea;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface IdeaStatusChangeRepository extends JpaRepository<IdeaStatusChange, Long> {

    List<IdeaStatusChange> findByIdeaIdOrderByChangedAtAscIdAsc(Long ideaId);
}

package org.inspraak.consultation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ThemeRepository extends JpaRepository<Theme, Long> {

    List<Theme> findByConsultationIdOrderByName(Long consultationId);
}

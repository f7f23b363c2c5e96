package org.inspraak.moderation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SanctionRepository extends JpaRepository<Sanction, Long> {

    long countByUserId(Long userId);

    List<Sanction> findTop10ByUserIdOrderByCreatedAtDesc(Long userId);
}

package org.inspraak.moderation;

import org.springframework.data.jpa.repository.JpaRepository;

interface SanctionRepository extends JpaRepository<Sanction, Long> {

    long countByUserId(Long userId);
}

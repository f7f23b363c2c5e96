package org.inspraak.moderation;

import org.springframework.data.jpa.repository.JpaRepository;

interface GuidelinesRepository extends JpaRepository<Guidelines, Long> {}

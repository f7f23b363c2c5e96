package org.inspraak.neighbourhood;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface NeighbourhoodRepository extends JpaRepository<Neighbourhood, Long> {

    List<Neighbourhood> findAllByOrderByName();

    Optional<Neighbourhood> findByName(String name);
}

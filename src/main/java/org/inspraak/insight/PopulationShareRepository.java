package org.inspraak.insight;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PopulationShareRepository extends JpaRepository<PopulationShare, Long> {

    List<PopulationShare> findAllByOrderByDimensionAscBandAsc();

    Optional<PopulationShare> findByDimensionAndBand(String dimension, String band);
}

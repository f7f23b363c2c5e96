package org.inspraak.search;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SearchSynonymRepository extends JpaRepository<SearchSynonym, Long> {

    List<SearchSynonym> findAllByOrderByTermsAsc();
}

package org.inspraak.search;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One group of words that mean the same to residents, such as "bieb, bibliotheek". */
@Entity
@Table(name = "search_synonym")
class SearchSynonym {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 500)
    private String terms;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SearchSynonym() {}

    SearchSynonym(String terms, Instant at) {
        this.terms = terms;
        this.updatedAt = at;
    }

    Long getId() {
        return id;
    }

    String getTerms() {
        return terms;
    }

    void setTerms(String terms, Instant at) {
        this.terms = terms;
        this.updatedAt = at;
    }
}

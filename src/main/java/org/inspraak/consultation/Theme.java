package org.inspraak.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A topic label within one consultation. */
@Entity
@Table(name = "theme")
class Theme {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long consultationId;

    @Column(nullable = false)
    private String name;

    protected Theme() {}

    Theme(Long consultationId, String name) {
        this.consultationId = consultationId;
        this.name = name;
    }

    Long getId() {
        return id;
    }

    Long getConsultationId() {
        return consultationId;
    }

    String getName() {
        return name;
    }
}

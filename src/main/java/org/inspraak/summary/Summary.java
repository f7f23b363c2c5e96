package org.inspraak.summary;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A summary of one consultation for policy makers; its text lives in versions. */
@Entity
@Table(name = "summary")
class Summary {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long consultationId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private Long createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    protected Summary() {}

    Summary(long consultationId, String title, long createdBy, Instant now) {
        this.createdBy = createdBy;
        this.createdAt = now;
        this.consultationId = consultationId;
        this.title = title;
    }

    Long getId() {
        return id;
    }

    Long getConsultationId() {
        return consultationId;
    }

    String getTitle() {
        return title;
    }
}

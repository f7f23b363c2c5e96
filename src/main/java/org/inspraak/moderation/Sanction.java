package org.inspraak.moderation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A warning or suspension of an author, kept as part of the author's history. */
@Entity
@Table(name = "sanction")
class Sanction {

    enum Kind {
        WARNING,
        SUSPENSION
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(nullable = false)
    private String reason;

    private Instant until;
    private Long createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    protected Sanction() {}

    Sanction(Long userId, Kind kind, String reason, Instant until, Long createdBy, Instant createdAt) {
        this.userId = userId;
        this.kind = kind;
        this.reason = reason;
        this.until = until;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    Kind getKind() {
        return kind;
    }

    String getReason() {
        return reason;
    }

    Instant getUntil() {
        return until;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}

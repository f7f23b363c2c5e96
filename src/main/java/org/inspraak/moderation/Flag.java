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

/** A resident's report of an idea or reaction; one per person per contribution (database unique key). */
@Entity
@Table(name = "flag")
class Flag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TargetType targetType;

    @Column(nullable = false)
    private Long targetId;

    @Column(nullable = false)
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FlagReason reason;

    private String explanation;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant resolvedAt;

    /** The author of the reported contribution (not the reporter). */
    private Long targetAuthorId;

    protected Flag() {}

    Flag(
            TargetType targetType,
            Long targetId,
            Long targetAuthorId,
            Long userId,
            FlagReason reason,
            String explanation,
            Instant createdAt) {
        this.targetType = targetType;
        this.targetAuthorId = targetAuthorId;
        this.targetId = targetId;
        this.userId = userId;
        this.reason = reason;
        this.explanation = explanation;
        this.createdAt = createdAt;
    }

    FlagReason getReason() {
        return reason;
    }

    String getExplanation() {
        return explanation;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}

package org.inspraak.idea;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of an idea's public timeline. Rows are only ever added. */
@Entity
@Table(name = "idea_status_change")
class IdeaStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long ideaId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IdeaStatus status;

    @Column(nullable = false)
    private String explanation;

    private Long changedBy;

    /** The department responsible for carrying out the decision, when there is one. */
    private String department;

    /** The day it happened, when that differs from the day it was recorded (implemented last week). */
    private LocalDate effectiveOn;

    @Column(nullable = false)
    private Instant changedAt;

    protected IdeaStatusChange() {}

    IdeaStatusChange(Long ideaId, IdeaStatus status, String explanation, Long changedBy, Instant changedAt) {
        this.ideaId = ideaId;
        this.status = status;
        this.explanation = explanation;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    IdeaStatusChange withDecisionDetails(String department, LocalDate effectiveOn) {
        this.department = department;
        this.effectiveOn = effectiveOn;
        return this;
    }

    Long getIdeaId() {
        return ideaId;
    }

    String getDepartment() {
        return department;
    }

    LocalDate getEffectiveOn() {
        return effectiveOn;
    }

    IdeaStatus getStatus() {
        return status;
    }

    String getExplanation() {
        return explanation;
    }

    Long getChangedBy() {
        return changedBy;
    }

    Instant getChangedAt() {
        return changedAt;
    }
}

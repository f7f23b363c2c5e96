package org.inspraak.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * What the municipality did with a consultation: its decision in words and what happens next, with dates. A draft
 * until published; once published it stays public, and later edits show at once (the publication date stays).
 */
@Entity
@Table(name = "consultation_outcome")
class Outcome {

    @Id
    private Long consultationId;

    @Column(nullable = false)
    private String decisionText;

    private Instant publishedAt;

    @Column(nullable = false)
    private Instant updatedAt;

    private Long updatedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "outcome_step", joinColumns = @JoinColumn(name = "consultation_id"))
    @OrderBy("dueOn")
    private List<Step> steps = new ArrayList<>();

    /** One next step: what happens, and by when. */
    @Embeddable
    static class Step {
        @Column(nullable = false)
        private LocalDate dueOn;

        @Column(nullable = false)
        private String description;

        protected Step() {}

        Step(LocalDate dueOn, String description) {
            this.dueOn = dueOn;
            this.description = description;
        }

        LocalDate getDueOn() {
            return dueOn;
        }

        String getDescription() {
            return description;
        }
    }

    protected Outcome() {}

    Outcome(long consultationId) {
        this.consultationId = consultationId;
    }

    void apply(String decisionText, List<Step> steps, long by, Instant now) {
        this.decisionText = decisionText;
        this.steps.clear();
        this.steps.addAll(steps);
        this.updatedBy = by;
        this.updatedAt = now;
    }

    /** Publishes; true the first time only, so an edit after publication does not announce it again. */
    boolean publish(Instant now) {
        if (publishedAt != null) {
            return false;
        }
        publishedAt = now;
        return true;
    }

    void withdraw() {
        publishedAt = null;
    }

    Long getConsultationId() {
        return consultationId;
    }

    String getDecisionText() {
        return decisionText;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    List<Step> getSteps() {
        return steps;
    }
}

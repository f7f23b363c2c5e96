package org.inspraak.summary;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One saved text of a summary. Once published its text never changes; only its state moves to superseded. */
@Entity
@Table(name = "summary_version")
class SummaryVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long summaryId;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false, updatable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SummaryState state;

    @Column(nullable = false)
    private Long authorId;

    @Column(nullable = false)
    private Instant createdAt;

    private Long submittedBy;
    private Instant submittedAt;
    private Long approvedBy;
    private Instant publishedAt;

    protected SummaryVersion() {}

    SummaryVersion(long summaryId, int number, String body, long authorId, Instant now) {
        this.summaryId = summaryId;
        this.number = number;
        this.body = body;
        this.state = SummaryState.DRAFT;
        this.authorId = authorId;
        this.createdAt = now;
    }

    Long getId() {
        return id;
    }

    Long getSummaryId() {
        return summaryId;
    }

    int getNumber() {
        return number;
    }

    String getBody() {
        return body;
    }

    SummaryState getState() {
        return state;
    }

    Long getAuthorId() {
        return authorId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Long getSubmittedBy() {
        return submittedBy;
    }

    Long getApprovedBy() {
        return approvedBy;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }

    void submit(long by, Instant now) {
        this.submittedAt = now;
        this.state = SummaryState.IN_REVIEW;
        this.submittedBy = by;
    }

    void sendBack() {
        this.submittedAt = null;
        this.state = SummaryState.DRAFT;
        this.submittedBy = null;
    }

    void publish(long by, Instant now) {
        this.state = SummaryState.PUBLISHED;
        this.approvedBy = by;
        this.publishedAt = now;
    }

    void supersede() {
        this.state = SummaryState.SUPERSEDED;
    }
}

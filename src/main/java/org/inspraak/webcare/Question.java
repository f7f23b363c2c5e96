package org.inspraak.webcare;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A resident's reaction addressed to the municipality, with the date by which it will be answered. */
@Entity
@Table(name = "question")
class Question {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private Long reactionId;

    @Column(nullable = false)
    private Long ideaId;

    @Column(nullable = false)
    private Long authorId;

    @Column(nullable = false)
    private Instant askedAt;

    @Column(nullable = false)
    private LocalDate dueOn;

    private Long departmentId;
    private Instant answeredAt;
    private Long answeredBy;
    private Long answerReactionId;

    protected Question() {}

    Question(Long reactionId, Long ideaId, Long authorId, Instant askedAt, LocalDate dueOn) {
        this.reactionId = reactionId;
        this.ideaId = ideaId;
        this.authorId = authorId;
        this.askedAt = askedAt;
        this.dueOn = dueOn;
    }

    Long getId() {
        return id;
    }

    Long getReactionId() {
        return reactionId;
    }

    Long getIdeaId() {
        return ideaId;
    }

    Long getAuthorId() {
        return authorId;
    }

    Instant getAskedAt() {
        return askedAt;
    }

    LocalDate getDueOn() {
        return dueOn;
    }

    Long getDepartmentId() {
        return departmentId;
    }

    Instant getAnsweredAt() {
        return answeredAt;
    }

    void routeTo(Long departmentId) {
        this.departmentId = departmentId;
    }

    void answered(Long by, Long answerReactionId, Instant when) {
        this.answeredBy = by;
        this.answerReactionId = answerReactionId;
        this.answeredAt = when;
    }
}

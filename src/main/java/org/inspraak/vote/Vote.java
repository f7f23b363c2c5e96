package org.inspraak.vote;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One resident's vote on one idea; the database's unique key (idea, user) guarantees there is only one. */
@Entity
@Table(name = "vote")
class Vote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long ideaId;

    @Column(nullable = false)
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VoteChoice choice;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    protected Vote() {}

    Vote(Long ideaId, Long userId, VoteChoice choice, Instant now) {
        this.createdAt = now;
        this.ideaId = ideaId;
        this.updatedAt = now;
        this.userId = userId;
        this.choice = choice;
    }

    Long getIdeaId() {
        return ideaId;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    Long getUserId() {
        return userId;
    }

    VoteChoice getChoice() {
        return choice;
    }

    void moveTo(Long ideaId) {
        this.ideaId = ideaId;
    }

    void change(VoteChoice choice, Instant now) {
        this.updatedAt = now;
        this.choice = choice;
    }
}

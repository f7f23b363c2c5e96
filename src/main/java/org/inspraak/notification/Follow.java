package org.inspraak.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A resident following an idea or a consultation. */
@Entity
@Table(name = "follow")
class Follow {

    enum Target {
        IDEA,
        CONSULTATION
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Target targetType;

    @Column(nullable = false)
    private Long targetId;

    @Column(nullable = false)
    private Instant createdAt;

    protected Follow() {}

    Follow(Long userId, Target targetType, Long targetId, Instant createdAt) {
        this.targetType = targetType;
        this.targetId = targetId;
        this.createdAt = createdAt;
        this.userId = userId;
    }

    Long getUserId() {
        return userId;
    }
}

package org.inspraak.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** One moderation or admin action: who, when, what and why. Immutable: entries are only ever added. */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long actorId;

    @Column(nullable = false)
    private String actorName;

    @Column(nullable = false)
    private String action;

    private String targetType;
    private Long targetId;
    private String reason;

    @Column(nullable = false)
    private Instant createdAt;

    protected AuditEntry() {}

    AuditEntry(
            Long actorId,
            String actorName,
            String action,
            String targetType,
            Long targetId,
            String reason,
            Instant createdAt) {
        this.actorId = actorId;
        this.actorName = actorName;
        this.action = action;
        this.targetType = targetType;
        this.targetId = targetId;
        this.reason = reason == null ? null : (reason.length() > 1000 ? reason.substring(0, 1000) : reason);
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getActorName() {
        return actorName;
    }

    public String getAction() {
        return action;
    }

    public String getTargetType() {
        return targetType;
    }

    public Long getTargetId() {
        return targetId;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

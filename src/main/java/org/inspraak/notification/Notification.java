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

/**
 * One in-app notification. It stores what happened (kind, the idea's or consultation's title, a status or
 * phase name) rather than a sentence, so it is shown in whatever language the reader uses.
 */
@Entity
@Table(name = "notification")
class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NotificationKind kind;

    private Long consultationId;
    private Long ideaId;

    @Column(nullable = false)
    private String subject;

    private String detail;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant readAt;
    private boolean emailed;

    protected Notification() {}

    Notification(
            Long userId,
            NotificationKind kind,
            Long consultationId,
            Long ideaId,
            String subject,
            String detail,
            Instant createdAt) {
        this.userId = userId;
        this.kind = kind;
        this.consultationId = consultationId;
        this.ideaId = ideaId;
        this.subject = subject.length() > 200 ? subject.substring(0, 199) + "…" : subject;
        this.detail = detail;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    Long getUserId() {
        return userId;
    }

    NotificationKind getKind() {
        return kind;
    }

    Long getConsultationId() {
        return consultationId;
    }

    Long getIdeaId() {
        return ideaId;
    }

    String getSubject() {
        return subject;
    }

    String getDetail() {
        return detail;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getReadAt() {
        return readAt;
    }

    void markRead(Instant when) {
        if (readAt == null) {
            readAt = when;
        }
    }

    void markEmailed() {
        emailed = true;
    }
}

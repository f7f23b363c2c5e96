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
    private Instant emailedAt;

    /** The display name of whoever reacted or answered; a public name, never contact data. */
    private String actorName;

    /** The start of what they wrote, so the reader sees it without opening the page. */
    private String excerpt;

    @Enumerated(EnumType.STRING)
    private NotificationReason reason;

    protected Notification() {}

    Notification(
            Long userId,
            NotificationKind kind,
            NotificationReason reason,
            Long consultationId,
            Long ideaId,
            String subject,
            String detail,
            String actorName,
            String excerpt,
            Instant createdAt) {
        this.userId = userId;
        this.kind = kind;
        this.reason = reason;
        this.consultationId = consultationId;
        this.ideaId = ideaId;
        this.subject = cut(subject, 200);
        this.detail = detail;
        this.actorName = actorName == null ? null : cut(actorName, 60);
        this.excerpt = excerpt == null ? null : cut(excerpt.strip().replaceAll("\\s+", " "), 600);
        this.createdAt = createdAt;
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
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

    String getActorName() {
        return actorName;
    }

    String getExcerpt() {
        return excerpt;
    }

    NotificationReason getReason() {
        return reason;
    }

    boolean isEmailed() {
        return emailed;
    }

    Instant getReadAt() {
        return readAt;
    }

    void markRead(Instant when) {
        if (readAt == null) {
            readAt = when;
        }
    }

    /** Marks it as handled for mail: sent at {@code when}, or null when nothing will ever be sent. */
    void markEmailed(Instant when) {
        emailed = true;
        emailedAt = when;
    }
}

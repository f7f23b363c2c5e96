package org.inspraak.mail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Every mail the application sends, kept so admins can see what went out (and so the demo works offline). */
@Entity
@Table(name = "outbox_mail")
public class OutboxMail {

    public enum Status {
        PENDING,
        SENT,
        LOGGED,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.PENDING;

    private String error;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant sentAt;

    /** Where the recipient unsubscribes in one click; null for mails a person cannot opt out of (password reset). */
    private String unsubscribeUrl;

    protected OutboxMail() {}

    OutboxMail(String recipient, String subject, String body, String unsubscribeUrl, Instant createdAt) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.unsubscribeUrl = unsubscribeUrl;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Status getStatus() {
        return status;
    }

    public String getError() {
        return error;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getUnsubscribeUrl() {
        return unsubscribeUrl;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    void delivered(Status status, Instant when, String error) {
        this.status = status;
        this.sentAt = when;
        this.error = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    }
}

package org.inspraak.calendar;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A planned municipal update in a consultation's content calendar; published at its time by the scheduler. */
@Entity
@Table(name = "content_update")
class Update {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long consultationId;

    @Column(nullable = false)
    private String body;

    private byte[] image;
    private String imageType;
    private String imageAlt;

    @Column(nullable = false)
    private String ideaIds;

    @Column(nullable = false)
    private Instant publishAt;

    private Instant publishedAt;

    @Column(nullable = false)
    private Long createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    protected Update() {}

    Update(long consultationId, long createdBy, Instant now) {
        this.createdBy = createdBy;
        this.createdAt = now;
        this.consultationId = consultationId;
    }

    void apply(String body, String ideaIds, Instant publishAt, byte[] image, String imageType, String imageAlt) {
        this.body = body;
        this.image = image;
        this.imageType = imageType;
        this.imageAlt = imageAlt;
        this.ideaIds = ideaIds;
        this.publishAt = publishAt;
    }

    Long getId() {
        return id;
    }

    Long getConsultationId() {
        return consultationId;
    }

    String getBody() {
        return body;
    }

    byte[] getImage() {
        return image;
    }

    String getImageType() {
        return imageType;
    }

    String getImageAlt() {
        return imageAlt;
    }

    String getIdeaIds() {
        return ideaIds;
    }

    Instant getPublishAt() {
        return publishAt;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }
}

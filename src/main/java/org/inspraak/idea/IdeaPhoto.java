package org.inspraak.idea;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A photo on an idea, as stored after re-encoding: JPEG, no metadata, at most {@link IdeaPhotos#MAX_SIDE}. */
@Entity
@Table(name = "idea_photo")
class IdeaPhoto {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long ideaId;

    @Column(nullable = false)
    private String altText;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    private int width;
    private int height;

    @Column(nullable = false)
    private Instant createdAt;

    protected IdeaPhoto() {}

    IdeaPhoto(long ideaId, String altText, byte[] content, int width, int height, Instant createdAt) {
        this.ideaId = ideaId;
        this.altText = altText;
        this.content = content;
        this.width = width;
        this.height = height;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    Long getIdeaId() {
        return ideaId;
    }

    String getAltText() {
        return altText;
    }

    byte[] getContent() {
        return content;
    }

    int getWidth() {
        return width;
    }

    int getHeight() {
        return height;
    }
}

package org.inspraak.moderation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The municipality's community guidelines (one row). */
@Entity
@Table(name = "guidelines")
class Guidelines {

    @Id
    private Long id;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private Instant updatedAt;

    private Long updatedBy;

    protected Guidelines() {}

    String getBody() {
        return body;
    }

    void update(String body, Long by, Instant now) {
        this.updatedAt = now;
        this.updatedBy = by;
        this.body = body;
    }
}

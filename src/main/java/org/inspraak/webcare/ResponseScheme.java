package org.inspraak.webcare;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The reactieschema: which kinds of posts get which response from whom (one row, Markdown). */
@Entity
@Table(name = "response_scheme")
class ResponseScheme {

    @Id
    private Long id;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private Instant updatedAt;

    protected ResponseScheme() {}

    String getBody() {
        return body;
    }

    void update(String body, Instant now) {
        this.updatedAt = now;
        this.body = body;
    }
}

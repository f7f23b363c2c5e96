package org.inspraak.notification;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Remembers which phase changes were announced, so restarts and several checks never announce twice. */
@Entity
@Table(name = "phase_notice")
@IdClass(PhaseNotice.Key.class)
class PhaseNotice {

    record Key(Long consultationId, String phase) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    @Id
    private Long consultationId;

    @Id
    private String phase;

    @Column(nullable = false)
    private Instant announcedAt;

    protected PhaseNotice() {}
}

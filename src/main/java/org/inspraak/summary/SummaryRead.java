package org.inspraak.summary;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A council member has read a published version. */
@Entity
@Table(name = "summary_read")
@IdClass(SummaryRead.Key.class)
class SummaryRead {

    static class Key implements Serializable {
        private Long versionId;
        private Long userId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(versionId, k.versionId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(versionId, userId);
        }
    }

    @Id
    private Long versionId;

    @Id
    private Long userId;

    @Column(nullable = false)
    private Instant readAt;

    protected SummaryRead() {}

    SummaryRead(long versionId, long userId, Instant now) {
        this.versionId = versionId;
        this.userId = userId;
        this.readAt = now;
    }
}

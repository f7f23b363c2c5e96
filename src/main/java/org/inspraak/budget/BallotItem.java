package org.inspraak.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An idea on a consultation's ballot, with the amount the municipality uses. */
@Entity
@Table(name = "ballot_item")
class BallotItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long consultationId;

    @Column(nullable = false)
    private Long ideaId;

    @Column(nullable = false)
    private long amountEuros;

    private boolean corrected;

    protected BallotItem() {}

    BallotItem(long consultationId, long ideaId, long amountEuros, boolean corrected) {
        this.consultationId = consultationId;
        this.ideaId = ideaId;
        this.amountEuros = amountEuros;
        this.corrected = corrected;
    }

    Long getId() {
        return id;
    }

    Long getConsultationId() {
        return consultationId;
    }

    Long getIdeaId() {
        return ideaId;
    }

    long getAmountEuros() {
        return amountEuros;
    }

    boolean isCorrected() {
        return corrected;
    }

    void setAmount(long amountEuros, boolean corrected) {
        this.amountEuros = amountEuros;
        this.corrected = corrected;
    }
}

package org.inspraak.insight;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The municipality's share of residents in one age band or neighbourhood, maintained by admins. */
@Entity
@Table(name = "population_share")
class PopulationShare {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String dimension;

    @Column(nullable = false)
    private String band;

    @Column(name = "share_pct", nullable = false)
    private BigDecimal sharePct;

    protected PopulationShare() {}

    PopulationShare(String dimension, String band, BigDecimal sharePct) {
        this.dimension = dimension;
        this.band = band;
        this.sharePct = sharePct;
    }

    Long getId() {
        return id;
    }

    String getDimension() {
        return dimension;
    }

    String getBand() {
        return band;
    }

    BigDecimal getSharePct() {
        return sharePct;
    }

    void setSharePct(BigDecimal sharePct) {
        this.sharePct = sharePct;
    }
}

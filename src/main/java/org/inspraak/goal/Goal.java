package org.inspraak.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A SMART goal of a consultation: a metric, a target value and a deadline. */
@Entity
@Table(name = "goal")
class Goal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long consultationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GoalMetric metric;

    @Column(name = "target_value", nullable = false)
    private BigDecimal targetValue;

    @Column(nullable = false)
    private LocalDate deadline;

    @Column(nullable = false)
    private Instant createdAt;

    protected Goal() {}

    Goal(long consultationId, GoalMetric metric, BigDecimal targetValue, LocalDate deadline, Instant now) {
        this.createdAt = now;
        this.consultationId = consultationId;
        this.metric = metric;
        this.targetValue = targetValue;
        this.deadline = deadline;
    }

    Long getId() {
        return id;
    }

    Long getConsultationId() {
        return consultationId;
    }

    GoalMetric getMetric() {
        return metric;
    }

    BigDecimal getTargetValue() {
        return targetValue;
    }

    LocalDate getDeadline() {
        return deadline;
    }
}

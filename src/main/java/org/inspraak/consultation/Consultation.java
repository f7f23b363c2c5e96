package org.inspraak.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A Stadsgesprek: one question, its background, and the phase dates that decide what residents can do. */
@Entity
@Table(name = "consultation")
class Consultation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String question;

    @Column(nullable = false)
    private String background;

    @Enumerated(EnumType.STRING)
    private BudgetKind budgetKind;

    private Long budgetAmountEuros;

    @Column(nullable = false)
    private LocalDate ideasFrom;

    @Column(nullable = false)
    private LocalDate votingFrom;

    @Column(nullable = false)
    private LocalDate summarisingFrom;

    @Column(nullable = false)
    private LocalDate closedFrom;

    private String attribution;
    private boolean preModeration;

    @Column(nullable = false)
    private Instant createdAt;

    /** Null while a draft; from this moment residents see it (a moment ahead plans the publication). */
    private Instant publishedFrom;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "consultation_neighbourhood", joinColumns = @JoinColumn(name = "consultation_id"))
    @Column(name = "neighbourhood_id")
    private Set<Long> neighbourhoodIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "consultation_target_group", joinColumns = @JoinColumn(name = "consultation_id"))
    @OrderColumn(name = "position")
    @Column(name = "name")
    private List<String> targetGroups = new ArrayList<>();

    protected Consultation() {}

    Consultation(Instant createdAt) {
        this.createdAt = createdAt;
    }

    Phase phaseOn(LocalDate day) {
        return phaseOn(day, ideasFrom, votingFrom, summarisingFrom, closedFrom);
    }

    /** The phase on a day, by the dates on which each phase starts. */
    static Phase phaseOn(
            LocalDate day, LocalDate ideasFrom, LocalDate votingFrom, LocalDate summarisingFrom, LocalDate closedFrom) {
        if (day.isBefore(ideasFrom)) {
            return Phase.UPCOMING;
        }
        if (day.isBefore(votingFrom)) {
            return Phase.IDEAS;
        }
        if (day.isBefore(summarisingFrom)) {
            return Phase.VOTING;
        }
        if (day.isBefore(closedFrom)) {
            return Phase.SUMMARISING;
        }
        return Phase.CLOSED;
    }

    Long getId() {
        return id;
    }

    String getTitle() {
        return title;
    }

    String getQuestion() {
        return question;
    }

    String getBackground() {
        return background;
    }

    BudgetKind getBudgetKind() {
        return budgetKind;
    }

    Long getBudgetAmountEuros() {
        return budgetAmountEuros;
    }

    LocalDate getIdeasFrom() {
        return ideasFrom;
    }

    LocalDate getVotingFrom() {
        return votingFrom;
    }

    LocalDate getSummarisingFrom() {
        return summarisingFrom;
    }

    LocalDate getClosedFrom() {
        return closedFrom;
    }

    String getAttribution() {
        return attribution;
    }

    Instant getPublishedFrom() {
        return publishedFrom;
    }

    void setPublishedFrom(Instant publishedFrom) {
        this.publishedFrom = publishedFrom;
    }

    boolean isPublicAt(Instant now) {
        return isPublicAt(publishedFrom, now);
    }

    static boolean isPublicAt(@Nullable Instant publishedFrom, Instant now) {
        return publishedFrom != null && !publishedFrom.isAfter(now);
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Set<Long> getNeighbourhoodIds() {
        return neighbourhoodIds;
    }

    List<String> getTargetGroups() {
        return targetGroups;
    }

    boolean isPreModeration() {
        return preModeration;
    }

    void apply(ConsultationService.ConsultationForm f) {
        this.title = f.title();
        this.question = f.question();
        this.background = f.background();
        this.budgetKind = f.budgetKind();
        this.budgetAmountEuros = f.budgetAmountEuros();
        this.ideasFrom = f.ideasFrom();
        this.votingFrom = f.votingFrom();
        this.summarisingFrom = f.summarisingFrom();
        this.closedFrom = f.closedFrom();
        this.neighbourhoodIds.clear();
        this.neighbourhoodIds.addAll(f.neighbourhoodIds());
        this.preModeration = f.preModeration();
        this.targetGroups.clear();
        f.targetGroups().forEach(g -> this.targetGroups.add(g.strip()));
    }

    void setAttribution(String attribution) {
        this.attribution = attribution;
    }
}

package org.inspraak.consultation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.inspraak.InspraakException;
import org.inspraak.TextInput;
import org.inspraak.audit.AuditService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome of a consultation (uitkomst): what the municipality decided and what happens next. Staff write it
 * while the consultation is summarised or closed and publish it when it is ready; from then on everyone reads it.
 * Decisions per idea live with the ideas (their status timeline); the outcome page brings them together.
 */
@Service
public class OutcomeService {

    public static final int MIN_TEXT = 20;
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_STEPS = 20;
    public static final int MIN_STEP = 3;
    public static final int MAX_STEP = 500;

    private final OutcomeRepository outcomes;
    private final ConsultationService consultations;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OutcomeService(
            OutcomeRepository outcomes,
            ConsultationService consultations,
            CurrentUser currentUser,
            AuditService audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.outcomes = outcomes;
        this.consultations = consultations;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** One step of what happens next. */
    public record NextStep(LocalDate dueOn, String description) {}

    /** An outcome as its page shows it; {@code publishedAt} is null for a draft. */
    public record OutcomeView(
            long consultationId, String decisionText, List<NextStep> steps, Instant publishedAt, Instant updatedAt) {
        public boolean published() {
            return publishedAt != null;
        }
    }

    /** Published once, after commit, when an outcome first becomes public; participants and followers are told. */
    public record OutcomePublished(long consultationId, String consultationTitle) {}

    /** The published outcome, for everyone; empty while there is none or it is still a draft. */
    @Transactional(readOnly = true)
    public Optional<OutcomeView> published(long consultationId) {
        return outcomes.findById(consultationId)
                .filter(o -> o.getPublishedAt() != null)
                .map(OutcomeService::view);
    }

    /** The outcome as staff work on it, published or not. */
    @Transactional(readOnly = true)
    public Optional<OutcomeView> draft(long consultationId) {
        currentUser.requireStaff();
        return outcomes.findById(consultationId).map(OutcomeService::view);
    }

    /** Which of these consultations have a published outcome; for lists. */
    @Transactional(readOnly = true)
    public Set<Long> publishedAmong(Collection<Long> consultationIds) {
        return consultationIds.isEmpty() ? Set.of() : Set.copyOf(outcomes.publishedAmong(consultationIds));
    }

    /** Saves the text and next steps; a published outcome shows the change at once. */
    @Transactional
    public void save(long consultationId, String decisionText, List<NextStep> steps) {
        InspraakUser staff = currentUser.requireStaff();
        ConsultationService.ConsultationDetails c = requireReady(consultationId);
        String text = decisionText == null ? "" : decisionText.strip();
        if (TextInput.isUnsafe(text)) {
            throw new InspraakException("error.text.control-characters");
        }
        if (text.length() < MIN_TEXT || TextInput.showsNothing(text)) {
            throw new InspraakException("error.outcome.text-short", MIN_TEXT);
        }
        if (text.length() > MAX_TEXT) {
            throw new InspraakException("error.outcome.text-long", MAX_TEXT);
        }
        if (steps.size() > MAX_STEPS) {
            throw new InspraakException("error.outcome.steps-many", MAX_STEPS);
        }
        List<Outcome.Step> clean = steps.stream().map(OutcomeService::validStep).toList();
        Outcome outcome = outcomes.findById(consultationId).orElseGet(() -> new Outcome(consultationId));
        outcome.apply(text, clean, staff.id(), Instant.now(clock));
        outcomes.save(outcome);
        audit.record("OUTCOME_SAVED", "CONSULTATION", consultationId, c.title());
    }

    /** Makes the saved outcome public. The first publication notifies everyone who took part or follows. */
    @Transactional
    public void publish(long consultationId) {
        currentUser.requireStaff();
        ConsultationService.ConsultationDetails c = requireReady(consultationId);
        Outcome outcome =
                outcomes.findById(consultationId).orElseThrow(() -> new InspraakException("error.outcome.missing"));
        if (outcome.publish(Instant.now(clock))) {
            audit.record("OUTCOME_PUBLISHED", "CONSULTATION", consultationId, c.title());
            events.publishEvent(new OutcomePublished(consultationId, c.title()));
        }
    }

    /** Takes a published outcome offline again (a mistake); publishing it later does not notify a second time. */
    @Transactional
    public void withdraw(long consultationId) {
        currentUser.requireStaff();
        Outcome outcome =
                outcomes.findById(consultationId).orElseThrow(() -> new InspraakException("error.outcome.missing"));
        outcome.withdraw();
        audit.record("OUTCOME_WITHDRAWN", "CONSULTATION", consultationId, "");
    }

    /** For demo seeding, which runs without a signed-in person. */
    @Transactional
    public void publishUnchecked(long consultationId, String decisionText, List<NextStep> steps, long by) {
        Outcome outcome = outcomes.findById(consultationId).orElseGet(() -> new Outcome(consultationId));
        outcome.apply(
                decisionText, steps.stream().map(OutcomeService::validStep).toList(), by, Instant.now(clock));
        outcome.publish(Instant.now(clock));
        outcomes.save(outcome);
    }

    private ConsultationService.ConsultationDetails requireReady(long consultationId) {
        ConsultationService.ConsultationDetails c =
                consultations.find(consultationId).orElseThrow(() -> new InspraakException("error.not-found"));
        if (c.phase() != Phase.SUMMARISING && c.phase() != Phase.CLOSED) {
            throw new InspraakException("error.outcome.too-early");
        }
        return c;
    }

    private static Outcome.Step validStep(NextStep step) {
        if (step.dueOn() == null) {
            throw new InspraakException("error.outcome.step-date");
        }
        String description =
                step.description() == null ? "" : step.description().strip();
        if (TextInput.isUnsafe(description)) {
            throw new InspraakException("error.text.control-characters");
        }
        if (description.length() < MIN_STEP || description.length() > MAX_STEP || TextInput.showsNothing(description)) {
            throw new InspraakException("error.outcome.step-text", MIN_STEP, MAX_STEP);
        }
        return new Outcome.Step(step.dueOn(), description);
    }

    private static OutcomeView view(Outcome o) {
        return new OutcomeView(
                o.getConsultationId(),
                o.getDecisionText(),
                o.getSteps().stream()
                        .map(s -> new NextStep(s.getDueOn(), s.getDescription()))
                        .toList(),
                o.getPublishedAt(),
                o.getUpdatedAt());
    }
}

package org.inspraak.webcare;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.inspraak.InspraakException;
import org.inspraak.account.AccountService;
import org.inspraak.audit.AuditService;
import org.inspraak.idea.IdeaService;
import org.inspraak.reaction.QuestionDesk;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webcare: residents' questions to the municipality. A question is acknowledged at once with the date by which
 * it will be answered (a service level in working days); moderators route it to a department, whose staff answer
 * it officially in the thread, which notifies the resident.
 */
@Service
public class WebcareService implements QuestionDesk {

    private final QuestionRepository questions;
    private final DepartmentRepository departments;
    private final ResponseSchemeRepository schemes;
    private final ReactionService reactions;
    private final IdeaService ideas;
    private final AccountService accounts;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final int serviceLevelDays;

    WebcareService(
            QuestionRepository questions,
            DepartmentRepository departments,
            ResponseSchemeRepository schemes,
            ReactionService reactions,
            IdeaService ideas,
            AccountService accounts,
            AuditService audit,
            CurrentUser currentUser,
            Clock clock,
            @Value("${inspraak.webcare.service-level-working-days:3}") int serviceLevelDays) {
        this.questions = questions;
        this.departments = departments;
        this.schemes = schemes;
        this.reactions = reactions;
        this.ideas = ideas;
        this.accounts = accounts;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.serviceLevelDays = serviceLevelDays;
    }

    public record QuestionRow(
            long id,
            long reactionId,
            long ideaId,
            String ideaTitle,
            String text,
            String authorName,
            Instant askedAt,
            LocalDate dueOn,
            boolean overdue,
            Long departmentId,
            String departmentName,
            boolean answered) {}

    public record DepartmentRef(long id, String name, Set<Long> members) {}

    // ---- asking ----------------------------------------------------------------------------------

    @EventListener
    public void onQuestionAsked(ReactionService.QuestionAsked e) {
        LocalDate today = LocalDate.now(clock);
        questions.save(new Question(
                e.reactionId(),
                e.ideaId(),
                e.authorId(),
                Instant.now(clock),
                WorkingDays.add(today, serviceLevelDays)));
    }

    /** The answer date promised for a question, and whether it has been answered; keyed by reaction id. */
    @Override
    @Transactional(readOnly = true)
    public Map<Long, QuestionInfo> questionsOn(List<Long> reactionIds) {
        Map<Long, QuestionInfo> out = new HashMap<>();
        if (reactionIds.isEmpty()) {
            return out;
        }
        // One query for the whole thread: an idea page asks this for every reaction it shows.
        for (Question q : questions.findByReactionIdIn(reactionIds)) {
            out.put(q.getReactionId(), new QuestionInfo(q.getDueOn(), q.getAnsweredAt() != null));
        }
        return out;
    }

    // ---- handling (staff) ------------------------------------------------------------------------

    /** What an answer needs in view: the idea the question is about and the reactions it follows up on. */
    public record QuestionContext(long ideaId, String ideaTitle, String ideaText, List<ThreadLine> thread) {}

    public record ThreadLine(String authorName, String body) {}

    @Transactional(readOnly = true)
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public QuestionContext context(long questionId) {
        Question q = questions.findById(questionId).orElseThrow(() -> new InspraakException("error.not-found"));
        IdeaService.IdeaSummary idea =
                ideas.find(q.getIdeaId()).orElseThrow(() -> new InspraakException("error.not-found"));
        List<ThreadLine> thread = reactions.ancestors(q.getReactionId(), 3).stream()
                .map(r -> new ThreadLine(
                        accounts.publicProfile(r.authorId())
                                .map(AccountService.PublicProfile::displayName)
                                .orElse(""),
                        r.body()))
                .toList();
        return new QuestionContext(idea.id(), idea.title(), idea.description(), thread);
    }

    @Transactional(readOnly = true)
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public List<QuestionRow> list(boolean openOnly, Long departmentId, int offset, int limit) {
        int size = Math.max(1, limit);
        LocalDate today = LocalDate.now(clock);
        Map<Long, String> names = new HashMap<>();
        departments.findAll().forEach(d -> names.put(d.getId(), d.getName()));
        return questions.list(openOnly, departmentId, PageRequest.of(offset / size, size)).stream()
                .map(q -> {
                    String text = reactions
                            .facts(q.getReactionId())
                            .map(ReactionService.ReactionFacts::body)
                            .orElse("");
                    String title = ideas.find(q.getIdeaId())
                            .map(IdeaService.IdeaSummary::title)
                            .orElse("");
                    String author = accounts.publicProfile(q.getAuthorId())
                            .map(AccountService.PublicProfile::displayName)
                            .orElse("");
                    boolean answered = q.getAnsweredAt() != null;
                    return new QuestionRow(
                            q.getId(),
                            q.getReactionId(),
                            q.getIdeaId(),
                            title,
                            text,
                            author,
                            q.getAskedAt(),
                            q.getDueOn(),
                            !answered && q.getDueOn().isBefore(today),
                            q.getDepartmentId(),
                            q.getDepartmentId() == null ? null : names.get(q.getDepartmentId()),
                            answered);
                })
                .toList();
    }

    @Transactional(readOnly = true)
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public long count(boolean openOnly, Long departmentId) {
        return questions.count(openOnly, departmentId);
    }

    /** How many questions residents asked in one consultation, how many still wait, and how many of those are late. */
    public record QuestionTally(long asked, long open, long overdue) {}

    @Transactional(readOnly = true)
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public QuestionTally tally(long consultationId) {
        List<Long> ideaIds = ideas.allFor(consultationId).stream()
                .map(IdeaService.IdeaSummary::id)
                .toList();
        if (ideaIds.isEmpty()) {
            return new QuestionTally(0, 0, 0);
        }
        LocalDate today = LocalDate.now(clock);
        List<Question> asked = questions.findByIdeaIdIn(ideaIds);
        long open = asked.stream().filter(q -> q.getAnsweredAt() == null).count();
        long overdue = asked.stream()
                .filter(q -> q.getAnsweredAt() == null && q.getDueOn().isBefore(today))
                .count();
        return new QuestionTally(asked.size(), open, overdue);
    }

    @Transactional(readOnly = true)
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public long overdueCount() {
        return questions.overdue(LocalDate.now(clock));
    }

    @Transactional
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public void route(long questionId, long departmentId) {
        Question q = questions.findById(questionId).orElseThrow(() -> new InspraakException("error.not-found"));
        Department d = departments.findById(departmentId).orElseThrow(() -> new InspraakException("error.not-found"));
        q.routeTo(d.getId());
        audit.record("QUESTION_ROUTED", "QUESTION", questionId, d.getName());
    }

    /** Answers officially in the thread (as a reply to the question), which notifies the resident. */
    @Transactional
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public void answer(long questionId, String text) {
        InspraakUser staff = currentUser.requireStaff();
        Question q = questions.findById(questionId).orElseThrow(() -> new InspraakException("error.not-found"));
        if (q.getAnsweredAt() != null) {
            throw new InspraakException("error.question.answered");
        }
        long answer = reactions.post(q.getIdeaId(), q.getReactionId(), text);
        // Posting runs atomic counter updates that clear the persistence context: load the question again.
        questions.findById(questionId).orElseThrow().answered(staff.id(), answer, Instant.now(clock));
        audit.record("QUESTION_ANSWERED", "QUESTION", questionId, null);
    }

    // ---- departments -----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<DepartmentRef> departments() {
        return departments.findAllByOrderByName().stream()
                .map(d -> new DepartmentRef(d.getId(), d.getName(), Set.copyOf(d.getMembers())))
                .toList();
    }

    @Transactional
    @Secured("ROLE_ADMIN")
    public long createDepartment(String rawName) {
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty() || name.length() > 80) {
            throw new InspraakException("error.department.name");
        }
        if (departments.existsByName(name)) {
            throw new InspraakException("error.department.exists");
        }
        long id = departments.save(new Department(name)).getId();
        audit.record("DEPARTMENT_CREATED", "DEPARTMENT", id, name);
        return id;
    }

    @Transactional
    @Secured("ROLE_ADMIN")
    public void setMember(long departmentId, long userId, boolean member) {
        Department d = departments.findById(departmentId).orElseThrow(() -> new InspraakException("error.not-found"));
        if (member) {
            boolean staff = accounts.roles(userId).stream().anyMatch(Role::isStaff);
            if (!staff) {
                throw new InspraakException("error.department.staff-only");
            }
            d.getMembers().add(userId);
        } else {
            d.getMembers().remove(userId);
        }
        audit.record(
                member ? "DEPARTMENT_MEMBER_ADDED" : "DEPARTMENT_MEMBER_REMOVED",
                "DEPARTMENT",
                departmentId,
                "user " + userId);
    }

    /** The department ids the current staff user belongs to (their default filter in /vragen). */
    @Transactional(readOnly = true)
    public Optional<Long> myDepartment() {
        long me = currentUser.require().id();
        return departments.findAll().stream()
                .filter(d -> d.getMembers().contains(me))
                .map(Department::getId)
                .findFirst();
    }

    // ---- response scheme -------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public String responseScheme() {
        return schemes.findById(1L).map(ResponseScheme::getBody).orElse("");
    }

    @Transactional
    @Secured("ROLE_ADMIN")
    public void updateResponseScheme(String body) {
        if (body == null || body.isBlank() || body.length() > 20_000) {
            throw new InspraakException("error.guidelines.length", 20_000);
        }
        schemes.findById(1L).orElseThrow().update(body.strip(), Instant.now(clock));
        audit.record("RESPONSE_SCHEME_UPDATED", null, null, null);
    }

    @Override
    public int serviceLevelDays() {
        return serviceLevelDays;
    }
}

package org.inspraak;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.inspraak.account.AccountService;
import org.inspraak.consultation.BudgetKind;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.ConsultationService.ConsultationForm;
import org.inspraak.idea.AmountKind;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.IdeaForm;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Creates users, consultations and ideas through the real services, with unique names per call. */
@Component
public class TestData {

    public static final String PASSWORD = "een-sterk-wachtwoord";
    private static final AtomicInteger SEQ = new AtomicInteger();

    public record User(long id, String email, String name, Set<Role> roles) {
        public InspraakUser principal() {
            return new InspraakUser(id, email, name, "", roles, true);
        }
    }

    private final AccountService accounts;
    private final ConsultationService consultations;
    private final IdeaService ideas;
    private final Clock clock;
    private final CurrentUser currentUser;
    private String passwordHash;

    TestData(
            AccountService accounts,
            ConsultationService consultations,
            IdeaService ideas,
            Clock clock,
            CurrentUser currentUser) {
        this.accounts = accounts;
        this.consultations = consultations;
        this.ideas = ideas;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    public static int next() {
        return SEQ.incrementAndGet();
    }

    public User user(Role... roles) {
        Set<Role> set = roles.length == 0 ? EnumSet.of(Role.RESIDENT) : EnumSet.copyOf(List.of(roles));
        int n = next();
        String email = "user" + n + "@test.example.org";
        if (passwordHash == null) {
            passwordHash = accounts.encodePassword(PASSWORD);
        }
        long id = accounts.createVerified(email, "Gebruiker " + n, passwordHash, set, null, null, false);
        return new User(id, email, "Gebruiker " + n, set);
    }

    /** A consultation in its ideas phase (ideas and votes allowed). */
    public long openConsultation() {
        LocalDate today = LocalDate.now(clock);
        return consultations.createUnchecked(new ConsultationForm(
                "Gesprek " + next(),
                "Waar besparen we op?",
                "Achtergrond",
                BudgetKind.SAVINGS_TARGET,
                1_000_000L,
                today.minusDays(1),
                today.plusDays(10),
                today.plusDays(20),
                today.plusDays(30),
                List.of("Groen", "Verkeer"),
                Set.of(),
                List.of("Jongeren"),
                false));
    }

    /** A consultation in its ideas phase where new contributions wait for approval. */
    public long preModeratedConsultation() {
        return consultations.createUnchecked(ideasPhaseForm("Gemodereerd gesprek " + next(), List.of(), true));
    }

    /** What an admin fills in for a consultation in its ideas phase, without a budget. */
    public ConsultationForm ideasPhaseForm(String title, List<String> themes, boolean preModeration) {
        LocalDate today = LocalDate.now(clock);
        return new ConsultationForm(
                title,
                "Wat vindt u?",
                "",
                null,
                null,
                today.minusDays(1),
                today.plusDays(10),
                today.plusDays(20),
                today.plusDays(30),
                themes,
                Set.of(),
                List.of(),
                preModeration);
    }

    /** A consultation whose voting has ended. */
    public long closedConsultation() {
        LocalDate today = LocalDate.now(clock);
        return consultations.createUnchecked(new ConsultationForm(
                "Oud gesprek " + next(),
                "Wat vond u?",
                "",
                null,
                null,
                today.minusDays(40),
                today.minusDays(30),
                today.minusDays(20),
                today.minusDays(10),
                List.of(),
                Set.of(),
                List.of(),
                false));
    }

    public long idea(long consultationId, User author, String title, String description) {
        return ideas.postAs(
                author.id(),
                consultationId,
                new IdeaForm(title, description, null, null, AmountKind.SAVING, 1000L),
                Instant.now(clock));
    }

    public long idea(long consultationId, User author) {
        int n = next();
        return idea(
                consultationId, author, "Idee nummer " + n, "Een beschrijving van idee " + n + " met genoeg tekst.");
    }

    /**
     * Signs a user in for this Spring context. Each test context installs its own security-context strategy,
     * so tests must use this context's strategy rather than the JVM-global holder.
     */
    public Authentication authenticate(User user) {
        InspraakUser principal = user.principal();
        var holder = currentUser.strategy();
        var context = holder.createEmptyContext();
        var auth = new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities());
        context.setAuthentication(auth);
        holder.setContext(context);
        return auth;
    }

    public void logout() {
        currentUser.strategy().clearContext();
        SecurityContextHolder.clearContext();
    }
}

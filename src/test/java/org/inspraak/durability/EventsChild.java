package org.inspraak.durability;

import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import org.inspraak.InspraakApplication;
import org.inspraak.account.AccountService;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.idea.IdeaService;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs in a child JVM for {@link EventsSurviveKillTest}. "post": a staff member answers an idea officially, and
 * the process halts right after the commit, before any module listener has run. "restart": the application starts
 * again on the same files and reports once the idea's author has been notified: "NOTIFIED n".
 */
public final class EventsChild {

    private EventsChild() {}

    /**
     * Halts the JVM after the commit of an official answer, before the notification listener runs. Registered as
     * a source of this child's application only: it carries no stereotype, so no component scan picks it up.
     */
    static class HaltAfterCommit {
        @TransactionalEventListener
        @Order(Ordered.HIGHEST_PRECEDENCE)
        void on(ReactionService.ReactionPosted e) {
            if (e.official()) {
                System.out.println("COMMITTED " + e.ideaId());
                System.out.flush();
                Runtime.getRuntime().halt(137); // like SIGKILL: no shutdown hooks, nothing flushed
            }
        }
    }

    public static void main(String[] args) throws Exception {
        String[] app = DurabilityChild.appArgs(args[0]);
        if (args[1].equals("restart")) {
            restart(app, Long.parseLong(args[2]));
            return;
        }
        ConfigurableApplicationContext ctx =
                new SpringApplicationBuilder(InspraakApplication.class, HaltAfterCommit.class).run(app);
        AccountService accounts = ctx.getBean(AccountService.class);
        ConsultationService consultations = ctx.getBean(ConsultationService.class);
        IdeaService ideas = ctx.getBean(IdeaService.class);
        ReactionService reactions = ctx.getBean(ReactionService.class);
        CurrentUser currentUser = ctx.getBean(CurrentUser.class);
        long consultation = DurabilityChild.openConsultation(consultations, "Meldingen", "Komen meldingen altijd aan?");
        String hash = "{noop}not-a-login";
        long author = accounts.createVerified(
                "auteur@example.invalid", "Auteur", hash, EnumSet.of(Role.RESIDENT), null, null, false);
        long staff = accounts.createVerified(
                "medewerker@example.invalid", "Medewerker", hash, EnumSet.of(Role.MODERATOR), null, null, false);
        long idea = ideas.postAs(
                author,
                consultation,
                new IdeaService.IdeaForm(
                        "Een idee dat antwoord krijgt",
                        "Het officiële antwoord moet de indiener bereiken.",
                        null,
                        null,
                        null,
                        null),
                Instant.now());
        System.out.println("AUTHOR " + author + " IDEA " + idea);
        System.out.flush();
        InspraakUser moderator = new InspraakUser(
                staff, "medewerker@example.invalid", "Medewerker", "", EnumSet.of(Role.MODERATOR), true);
        currentUser.runAs(moderator, () -> reactions.post(idea, null, "Dank u, we nemen dit mee in de begroting."));
        System.out.println("NOT HALTED");
        System.exit(3);
    }

    private static void restart(String[] app, long authorId) throws Exception {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(InspraakApplication.class).run(app)) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            long n = 0;
            while (n == 0 && System.nanoTime() < deadline) {
                n = jdbc.queryForObject(
                        "select count(*) from notification where user_id = ? and kind = 'OFFICIAL_ANSWER'",
                        Long.class,
                        authorId);
                if (n == 0) {
                    Thread.sleep(100);
                }
            }
            System.out.println("NOTIFIED " + n);
            // The notification's mail is queued in turn, and delivered (or, without an SMTP server, logged).
            long mailed = 0;
            while (mailed == 0 && System.nanoTime() < deadline) {
                mailed = jdbc.queryForObject(
                        "select count(*) from outbox_mail where recipient = 'auteur@example.invalid' and status <> 'PENDING'",
                        Long.class);
                if (mailed == 0) {
                    Thread.sleep(100);
                }
            }
            System.out.println("MAILED " + mailed);
            System.out.flush();
        }
        System.exit(0);
    }
}

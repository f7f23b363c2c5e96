package org.inspraak.durability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.inspraak.InspraakApplication;
import org.inspraak.account.AccountService;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.idea.IdeaService;
import org.inspraak.security.Role;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs in a child JVM for {@link KillDuringVotesTest}: the real application on an H2 file database, casting
 * votes through the real vote service and printing "ACK n" only after vote n has been committed.
 */
public final class DurabilityChild {

    private DurabilityChild() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("restart")) {
            restart(args[0], Long.parseLong(args[2]));
            return;
        }
        ConfigurableApplicationContext ctx =
                new SpringApplicationBuilder(InspraakApplication.class).run(appArgs(args[0]));
        AccountService accounts = ctx.getBean(AccountService.class);
        ConsultationService consultations = ctx.getBean(ConsultationService.class);
        IdeaService ideas = ctx.getBean(IdeaService.class);
        VoteService votes = ctx.getBean(VoteService.class);
        long consultation = openConsultation(consultations, "Duurzaamheid", "Blijven stemmen bewaard?");
        String hash = "{noop}not-a-login";
        long author = accounts.createVerified(
                "auteur@example.invalid", "Auteur", hash, EnumSet.of(Role.RESIDENT), null, null, false);
        long idea = ideas.postAs(
                author,
                consultation,
                new IdeaService.IdeaForm(
                        "Een idee om op te stemmen",
                        "Stemmen moeten een harde stop overleven.",
                        null,
                        null,
                        null,
                        null),
                Instant.now());
        List<Long> voters = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            voters.add(accounts.createVerified(
                    "kiezer" + i + "@example.invalid",
                    "Kiezer " + i,
                    hash,
                    EnumSet.of(Role.RESIDENT),
                    null,
                    null,
                    false));
        }
        System.out.println("READY " + idea);
        System.out.flush();
        for (int i = 0; i < voters.size(); i++) {
            votes.voteAs(voters.get(i), idea, VoteChoice.AGREE);
            System.out.println("ACK " + i);
            System.out.flush();
        }
        System.out.println("DONE");
    }

    /**
     * Starts the application again on the killed one's files, as an operator would, and reports the idea's
     * count once the start's check has had time to repair it: "COUNT n ROWS m".
     */
    private static void restart(String dataDir, long ideaId) throws Exception {
        try (ConfigurableApplicationContext ctx =
                new SpringApplicationBuilder(InspraakApplication.class).run(appArgs(dataDir))) {
            IdeaService ideas = ctx.getBean(IdeaService.class);
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            long rows = jdbc.queryForObject("select count(*) from vote where idea_id = ?", Long.class, ideaId);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int count = ideas.find(ideaId).orElseThrow().agree();
            while (count != rows && System.nanoTime() < deadline) {
                Thread.sleep(100);
                count = ideas.find(ideaId).orElseThrow().agree();
            }
            System.out.println("COUNT " + count + " ROWS " + rows);
            System.out.flush();
        }
        System.exit(0);
    }

    /** The application as an operator starts it on a data directory, without demo data or a fixed port. */
    static String[] appArgs(String dataDir) {
        return new String[] {
            "--inspraak.data-dir=" + dataDir,
            "--inspraak.demo-data=false",
            "--server.port=0",
            "--logging.level.root=warn",
            "--vaadin.launch-browser=false"
        };
    }

    /** A consultation in its ideas phase. */
    static long openConsultation(ConsultationService consultations, String title, String question) {
        LocalDate today = LocalDate.now();
        return consultations.createUnchecked(new ConsultationService.ConsultationForm(
                title,
                question,
                "",
                null,
                null,
                today.minusDays(1),
                today.plusDays(5),
                today.plusDays(6),
                today.plusDays(7),
                List.of(),
                Set.of(),
                List.of(),
                false));
    }
}

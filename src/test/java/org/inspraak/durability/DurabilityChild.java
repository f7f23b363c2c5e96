package org.inspraak.durability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.inspraak.InspraakApplication;
import org.inspraak.account.AccountService;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.idea.IdeaService;
import org.inspraak.security.Role;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs in a child JVM for {@link KillDuringVotesTest}: the real application on an H2 file database, casting
 * votes through the real vote service and printing "ACK n" only after vote n has been committed.
 */
public final class DurabilityChild {

    private DurabilityChild() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(InspraakApplication.class)
                .run("--inspraak.data-dir=" + args[0], "--inspraak.demo-data=false", "--server.port=0",
                        "--logging.level.root=warn", "--vaadin.launch-browser=false");
        AccountService accounts = ctx.getBean(AccountService.class);
        ConsultationService consultations = ctx.getBean(ConsultationService.class);
        IdeaService ideas = ctx.getBean(IdeaService.class);
        VoteService votes = ctx.getBean(VoteService.class);
        LocalDate today = LocalDate.now();
        long consultation = consultations.createUnchecked(new ConsultationService.ConsultationForm("Duurzaamheid",
                "Blijven stemmen bewaard?", "", null, null, today.minusDays(1), today.plusDays(5), today.plusDays(6),
                today.plusDays(7), List.of(), Set.of(), List.of(), false));
        String hash = "{noop}not-a-login";
        long author = accounts.createVerified("auteur@example.invalid", "Auteur", hash, EnumSet.of(Role.RESIDENT), null, null, false);
        long idea = ideas.postAs(author, consultation, new IdeaService.IdeaForm("Een idee om op te stemmen",
                "Stemmen moeten een harde stop overleven.", null, null, null, null), Instant.now());
        List<Long> voters = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            voters.add(accounts.createVerified("kiezer" + i + "@example.invalid", "Kiezer " + i, hash,
                    EnumSet.of(Role.RESIDENT), null, null, false));
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
}

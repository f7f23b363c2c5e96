package org.inspraak.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.inspraak.TestData;
import org.inspraak.account.AccountService;
import org.inspraak.calendar.ContentCalendarService;
import org.inspraak.idea.AmountKind;
import org.inspraak.idea.IdeaService;
import org.inspraak.moderation.FlagReason;
import org.inspraak.moderation.ModerationService;
import org.inspraak.moderation.TargetType;
import org.inspraak.notification.NotificationService;
import org.inspraak.reaction.ReactionService;
import org.inspraak.search.SearchService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.RateLimits;
import org.inspraak.security.Role;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets {@link ClusterTest} act on one application node as residents and staff do, through the same public services
 * the views call (with their rules, rate limits and events), from outside the node's JVM. It exists only on the test
 * classpath and only when the node is started with {@code --inspraak.test.cluster-driver=true}; it is never part of
 * the application jar.
 */
@RestController
@ConditionalOnProperty(name = "inspraak.test.cluster-driver", havingValue = "true")
class ClusterDriver {

    private final TestData data;
    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final IdeaService ideas;
    private final ReactionService reactions;
    private final VoteService votes;
    private final ModerationService moderation;
    private final RateLimits limits;
    private final SearchService search;
    private final ContentCalendarService calendar;
    private final Clock clock;
    private final NotificationService notifications;

    ClusterDriver(
            TestData data,
            AccountService accounts,
            CurrentUser currentUser,
            IdeaService ideas,
            ReactionService reactions,
            VoteService votes,
            ModerationService moderation,
            RateLimits limits,
            SearchService search,
            ContentCalendarService calendar,
            Clock clock,
            NotificationService notifications) {
        this.notifications = notifications;
        this.data = data;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.ideas = ideas;
        this.reactions = reactions;
        this.votes = votes;
        this.moderation = moderation;
        this.limits = limits;
        this.search = search;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Creates residents (or staff with {@code staff=true}); their e-mail addresses, comma-separated. Call it on one
     * node only: the addresses are numbered per JVM.
     */
    @PostMapping("/test-driver/users")
    String users(@RequestParam int n, @RequestParam(defaultValue = "false") boolean staff) {
        return IntStream.range(0, n)
                .mapToObj(i -> staff
                        ? data.user(Role.RESIDENT, Role.MODERATOR).email()
                        : data.user().email())
                .collect(Collectors.joining(","));
    }

    private InspraakUser as(String email) {
        return accounts.loadUserByUsername(email);
    }

    @PostMapping("/test-driver/consultation")
    long consultation() {
        return data.openConsultation();
    }

    @PostMapping("/test-driver/idea")
    long idea(@RequestParam String user, @RequestParam long consultation, @RequestParam String title) {
        long[] id = new long[1];
        currentUser.runAs(
                as(user),
                () -> id[0] = ideas.post(
                        consultation,
                        new IdeaService.IdeaForm(
                                title,
                                "Uitgewerkt voorstel: " + title + ", met genoeg uitleg.",
                                null,
                                null,
                                AmountKind.SAVING,
                                500L)));
        return id[0];
    }

    @PostMapping("/test-driver/follow")
    String follow(@RequestParam String user, @RequestParam long consultation) {
        currentUser.runAs(as(user), () -> notifications.followConsultation(consultation, true));
        return "ok";
    }

    @PostMapping("/test-driver/reaction")
    long reaction(@RequestParam String user, @RequestParam long idea, @RequestParam String body) {
        long[] id = new long[1];
        currentUser.runAs(as(user), () -> id[0] = reactions.post(idea, null, body));
        return id[0];
    }

    /** Answers only once the vote is stored: the acknowledgement a resident's button shows. */
    @PostMapping("/test-driver/vote")
    String vote(@RequestParam String user, @RequestParam long idea, @RequestParam VoteChoice choice) {
        currentUser.runAs(as(user), () -> votes.vote(idea, choice));
        return "ok";
    }

    @PostMapping("/test-driver/flag")
    String flag(@RequestParam String user, @RequestParam long reaction) {
        currentUser.runAs(
                as(user),
                () -> moderation.flag(
                        new ModerationService.Target(TargetType.REACTION, reaction), FlagReason.INSULT, ""));
        return "ok";
    }

    /** One token of the flag limit (20 an hour) for the key; whether it was granted. */
    @PostMapping("/test-driver/limit")
    boolean limit(@RequestParam String key) {
        return limits.tryConsume(RateLimits.Action.FLAG, key);
    }

    @PostMapping("/test-driver/search")
    long search(@RequestParam String q) {
        return search.search(q, SearchService.Filters.NONE, 0, 20).total();
    }

    @PostMapping("/test-driver/plan-update")
    long planUpdate(
            @RequestParam String staff, @RequestParam long consultation, @RequestParam long publishAtEpochMilli) {
        long[] id = new long[1];
        currentUser.runAs(
                as(staff),
                () -> id[0] = calendar.plan(
                        consultation,
                        new ContentCalendarService.UpdateForm(
                                "Vanavond praten we verder over de bibliotheek.",
                                List.of(),
                                Instant.ofEpochMilli(publishAtEpochMilli),
                                null,
                                null,
                                null)));
        return id[0];
    }

    /** What the scheduled publication does, on demand: how many updates this call published. */
    @PostMapping("/test-driver/publish-due")
    int publishDue() {
        return calendar.publishDue(Instant.now(clock));
    }

    /** The driver speaks plain HTTP without a session or CSRF token; only its own paths are opened. */
    @Configuration
    @ConditionalOnProperty(name = "inspraak.test.cluster-driver", havingValue = "true")
    static class Security {
        @Bean
        @Order(0)
        SecurityFilterChain clusterDriverChain(HttpSecurity http) throws Exception {
            http.securityMatcher("/test-driver/**")
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .csrf(c -> c.disable());
            return http.build();
        }
    }
}

package org.inspraak.polis;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;

import org.inspraak.account.AccountService;
import org.inspraak.audit.AuditService;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.idea.IdeaService;
import org.inspraak.insight.InsightService;
import org.inspraak.insight.OpinionGroups;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a Polis export into a new consultation in one transaction: statements become ideas (moderated-out ones
 * hidden), participants anonymous imported accounts, votes carry over; the CC BY attribution goes on the
 * consultation. The folder is read and checked completely first, so a bad file imports nothing. When the votes have
 * times, the conversation's history is replayed to find the number of groups Polis's k smoother settled on, and the
 * consultation's opinion groups start from it.
 */
@Service
public class PolisImportService {

    public static final String ATTRIBUTION = "Gegevens verzameld met Polis (compdemocracy.org/polis), gelicentieerd "
            + "onder CC BY 4.0 met naamsvermelding van The Computational Democracy Project.";

    private final ConsultationService consultations;
    private final IdeaService ideas;
    private final VoteService votes;
    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final InsightService insights;
    private final TransactionTemplate tx;
    private final Clock clock;

    PolisImportService(
            ConsultationService consultations,
            IdeaService ideas,
            VoteService votes,
            AccountService accounts,
            CurrentUser currentUser,
            AuditService audit,
            InsightService insights,
            PlatformTransactionManager txManager,
            Clock clock) {
        this.consultations = consultations;
        this.ideas = ideas;
        this.votes = votes;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.audit = audit;
        this.insights = insights;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** The new consultation, and which account each Polis participant id became. */
    public record Imported(
            long consultationId,
            int ideas,
            int participants,
            int votes,
            Map<Long, Long> accountOfParticipant,
            List<String> notes) {}

    /** The admin action. */
    public Imported importFolder(Path folder, DoubleConsumer progress) throws PolisFolder.FormatException {
        currentUser.require(Role.ADMIN);
        progress.accept(0.05);
        PolisFolder polis = PolisFolder.read(folder);
        progress.accept(0.3);
        OpinionGroups.State history = polis.history(p -> progress.accept(0.3 + 0.2 * p));
        Imported imported = tx.execute(s -> {
            Imported result = store(polis, progress);
            audit.record(
                    "POLIS_IMPORTED",
                    "CONSULTATION",
                    result.consultationId(),
                    folder.getFileName().toString());
            return result;
        });
        startFromHistory(imported, history);
        return imported;
    }

    /** For the command line, which runs without a signed-in admin. */
    public Imported importUnchecked(Path folder, DoubleConsumer progress) throws PolisFolder.FormatException {
        progress.accept(0.05);
        PolisFolder polis = PolisFolder.read(folder);
        progress.accept(0.3);
        OpinionGroups.State history = polis.history(p -> progress.accept(0.3 + 0.2 * p));
        Imported imported = tx.execute(s -> store(polis, progress));
        startFromHistory(imported, history);
        return imported;
    }

    /** After the import has committed: the opinion-group state refers to the new consultation. */
    private void startFromHistory(Imported imported, OpinionGroups.State history) {
        if (history.smoother() != null) {
            insights.startFromHistory(imported.consultationId(), history);
        }
    }

    private Imported store(PolisFolder polis, DoubleConsumer progress) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        LocalDate first = polis.comments().stream()
                .map(c -> LocalDate.ofInstant(c.createdAt(), zone))
                .min(LocalDate::compareTo)
                .orElse(today);
        if (first.isAfter(today)) {
            first = today;
        }
        String title = clip(polis.topic(), ConsultationService.MAX_TITLE);
        String question = clip(
                polis.description().isBlank() ? polis.topic() : polis.description(), ConsultationService.MAX_QUESTION);
        String background = "Geïmporteerd uit Polis" + (polis.url().isBlank() ? "." : ": " + polis.url());
        // The conversation is over; it opens in the summarising phase so moderators can write it up.
        long consultationId = consultations.createUnchecked(new ConsultationService.ConsultationForm(
                title,
                question,
                background,
                null,
                null,
                first,
                first,
                today,
                today.plusDays(30),
                List.of(),
                null,
                List.of(),
                false));
        consultations.setAttribution(
                consultationId, ATTRIBUTION + (polis.url().isBlank() ? "" : " Bron: " + polis.url()));

        Set<Long> ids = new TreeSet<>();
        polis.votes().forEach(v -> ids.add(v.participant()));
        polis.comments().forEach(c -> ids.add(c.authorId()));
        List<Long> participantIds = new ArrayList<>(ids);
        List<Long> accountIds = accounts.createImportedParticipants(participantIds.size());
        Map<Long, Long> accountOf = new LinkedHashMap<>();
        for (int i = 0; i < participantIds.size(); i++) {
            accountOf.put(participantIds.get(i), accountIds.get(i));
        }
        progress.accept(0.5);
        Map<Long, Long> ideaOf = new HashMap<>();
        for (PolisFolder.Comment c : polis.comments().stream()
                .sorted(Comparator.comparingLong(PolisFolder.Comment::id))
                .toList()) {
            ideaOf.put(
                    c.id(),
                    ideas.importIdea(
                            accountOf.get(c.authorId()),
                            consultationId,
                            c.body(),
                            c.createdAt(),
                            c.moderatedOut(),
                            c.meta()));
        }
        progress.accept(0.7);
        List<VoteService.ImportedVote> imported = polis.votes().stream()
                .map(v -> new VoteService.ImportedVote(
                        accountOf.get(v.participant()), ideaOf.get(v.commentId()), choice(v.vote()), v.at()))
                .toList();
        votes.importVotes(imported);
        progress.accept(0.95);
        return new Imported(
                consultationId, ideaOf.size(), participantIds.size(), imported.size(), accountOf, polis.notes());
    }

    private static VoteChoice choice(int v) {
        return v > 0 ? VoteChoice.AGREE : v < 0 ? VoteChoice.DISAGREE : VoteChoice.PASS;
    }

    private static String clip(String s, int max) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty()) {
            t = "Polis-gesprek";
        }
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}

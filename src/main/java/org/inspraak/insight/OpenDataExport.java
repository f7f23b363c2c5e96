package org.inspraak.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.inspraak.Csv;
import org.inspraak.InspraakException;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;
import org.inspraak.vote.VoteService;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consultation's anonymised open data: visible ideas with their counts, every vote with a per-export participant
 * number instead of an account, and reactions without authors. No e-mail, IP, birth year or neighbourhood of anyone.
 */
@Service
public class OpenDataExport {

    private final ConsultationService consultations;
    private final IdeaService ideas;
    private final VoteService votes;
    private final ReactionService reactions;
    private final CurrentUser currentUser;
    private final JsonMapper json = JsonMapper.builder().build();

    OpenDataExport(
            ConsultationService consultations,
            IdeaService ideas,
            VoteService votes,
            ReactionService reactions,
            CurrentUser currentUser) {
        this.consultations = consultations;
        this.ideas = ideas;
        this.votes = votes;
        this.reactions = reactions;
        this.currentUser = currentUser;
    }

    private void requireReader() {
        if (!currentUser.has(Role.COUNCIL_MEMBER) && !currentUser.has(Role.MODERATOR) && !currentUser.has(Role.ADMIN)) {
            throw new InspraakException("error.insight.access");
        }
    }

    private List<IdeaSummary> visible(long consultationId) {
        return ideas.allFor(consultationId).stream()
                .filter(i -> !i.hidden() && i.mergedInto() == null)
                .toList();
    }

    /** The ideas as CSV (UTF-8, one header row). */
    public String ideasCsv(long consultationId) {
        requireReader();
        Csv csv = Csv.withHeader(
                "idea_id",
                "title",
                "description",
                "theme",
                "created_at",
                "agree",
                "disagree",
                "pass",
                "reactions",
                "background_question");
        for (IdeaSummary i : visible(consultationId)) {
            csv.row(
                    i.id(),
                    i.title(),
                    i.description(),
                    i.themeName(),
                    i.createdAt(),
                    i.agree(),
                    i.disagree(),
                    i.pass(),
                    i.reactions(),
                    i.background());
        }
        return csv.toString();
    }

    /** Everything as one JSON document. */
    public String json(long consultationId) {
        requireReader();
        ConsultationService.ConsultationDetails c =
                consultations.find(consultationId).orElseThrow(() -> new InspraakException("error.not-found"));
        List<IdeaSummary> visible = visible(consultationId);
        Set<Long> ids = visible.stream().map(IdeaSummary::id).collect(Collectors.toSet());
        Map<Long, Integer> pseudonym = new HashMap<>();
        List<Map<String, Object>> voteRows = new ArrayList<>();
        for (VoteService.Cell v : votes.cells(ids)) {
            int p = pseudonym.computeIfAbsent(v.userId(), x -> pseudonym.size() + 1);
            voteRows.add(ordered(
                    "participant",
                    p,
                    "idea_id",
                    v.ideaId(),
                    "vote",
                    v.choice().name().toLowerCase()));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(
                "consultation",
                ordered(
                        "id",
                        c.id(),
                        "title",
                        c.title(),
                        "question",
                        c.question(),
                        "attribution",
                        c.attribution() == null ? "" : c.attribution()));
        doc.put("licence", "CC BY 4.0");
        doc.put(
                "ideas",
                visible.stream()
                        .map(i -> ordered(
                                "id",
                                i.id(),
                                "title",
                                i.title(),
                                "description",
                                i.description(),
                                "theme",
                                i.themeName() == null ? "" : i.themeName(),
                                "created_at",
                                i.createdAt().toString(),
                                "agree",
                                i.agree(),
                                "disagree",
                                i.disagree(),
                                "pass",
                                i.pass(),
                                // Left out of the opinion groups, as Polis leaves its metadata statements out.
                                "background_question",
                                i.background()))
                        .toList());
        doc.put("votes", voteRows);
        doc.put(
                "reactions",
                reactions.activity(ids).stream()
                        .map(r -> ordered("idea_id", r.ideaId(), "body", r.body(), "created_at", r.at().toString()))
                        .toList());
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}

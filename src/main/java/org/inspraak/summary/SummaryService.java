package org.inspraak.summary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import com.ibm.icu.text.ListFormatter;
import org.inspraak.InspraakException;
import org.inspraak.InspraakProperties;
import org.inspraak.Messages;
import org.inspraak.TextInput;
import org.inspraak.audit.AuditService;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.insight.InsightService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.Role;
import org.inspraak.webcare.WebcareService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Summaries for policy makers: drafted from insights, edited by moderators, approved by a second moderator and
 * published to the council. Every save is a version; a published version never changes. Citations are written
 * {@code [idee 123]} and must point to a visible idea before a summary can be published.
 */
@Service
public class SummaryService {

    public static final int MAX_TITLE = 160;
    public static final int MAX_BODY = 60_000;
    /** [idee 12], [idea 12], [Idee #12]. */
    public static final Pattern CITATION =
            Pattern.compile("\\[(?:idee|idea)\\s*#?(\\d{1,12})]", Pattern.CASE_INSENSITIVE);

    private final SummaryRepository summaries;
    private final SummaryVersionRepository versions;
    private final SummaryReadRepository reads;
    private final ConsultationService consultations;
    private final IdeaService ideas;
    private final InsightService insights;
    private final WebcareService webcare;
    private final InspraakProperties properties;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Messages messages;
    private final Clock clock;

    SummaryService(
            SummaryRepository summaries,
            SummaryVersionRepository versions,
            SummaryReadRepository reads,
            ConsultationService consultations,
            IdeaService ideas,
            InsightService insights,
            WebcareService webcare,
            InspraakProperties properties,
            CurrentUser currentUser,
            AuditService audit,
            Messages messages,
            Clock clock) {
        this.summaries = summaries;
        this.versions = versions;
        this.reads = reads;
        this.consultations = consultations;
        this.ideas = ideas;
        this.insights = insights;
        this.webcare = webcare;
        this.properties = properties;
        this.currentUser = currentUser;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    public record VersionInfo(
            long id,
            long summaryId,
            int number,
            SummaryState state,
            String body,
            long authorId,
            Instant createdAt,
            Long submittedBy,
            Long approvedBy,
            Instant publishedAt) {}

    public record SummaryInfo(
            long id,
            long consultationId,
            String title,
            Optional<VersionInfo> latest,
            Optional<VersionInfo> published) {}

    /** A citation in a text and what it points to; resolved only if the idea exists, is visible and not merged. */
    public record Citation(long ideaId, Optional<IdeaSummary> idea) {
        public boolean resolved() {
            return idea.isPresent() && !idea.get().hidden();
        }
    }

    /** A published summary as the council's list shows it. */
    public record Published(
            long summaryId,
            long versionId,
            long consultationId,
            String consultationTitle,
            String title,
            int number,
            Instant publishedAt,
            boolean read,
            int ideas) {}

    // ---- staff ---------------------------------------------------------------------------------

    private InspraakUser requireStaff() {
        return currentUser.requireStaff();
    }

    @Transactional(readOnly = true)
    public List<SummaryInfo> forConsultation(long consultationId) {
        requireStaff();
        return summaries.findByConsultationIdOrderById(consultationId).stream()
                .map(this::info)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<SummaryInfo> find(long summaryId) {
        requireReader();
        return summaries.findById(summaryId).map(this::info);
    }

    /** Starts a summary with a first draft written from the consultation's insights. */
    @Transactional
    public long create(long consultationId, String rawTitle, Locale locale) {
        InspraakUser user = requireStaff();
        String title = rawTitle == null ? "" : rawTitle.strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw new InspraakException("error.summary.title", MAX_TITLE);
        }
        consultations.find(consultationId).orElseThrow(() -> new InspraakException("error.not-found"));
        Summary s = summaries.save(new Summary(consultationId, title, user.id(), Instant.now(clock)));
        versions.save(new SummaryVersion(
                s.getId(), 1, draftFromInsights(consultationId, locale), user.id(), Instant.now(clock)));
        audit.record("SUMMARY_CREATED", "SUMMARY", s.getId(), title);
        return s.getId();
    }

    /**
     * Saves the text as a new version. Only a draft can be edited; text of a version in review or published is
     * never changed — saving then starts a new draft after it.
     */
    @Transactional
    public VersionInfo save(long summaryId, String body) {
        InspraakUser user = requireStaff();
        validateBody(body);
        Summary s = summaries.findById(summaryId).orElseThrow(() -> new InspraakException("error.not-found"));
        SummaryVersion latest =
                versions.findFirstBySummaryIdOrderByNumberDesc(s.getId()).orElseThrow();
        if (latest.getState() == SummaryState.IN_REVIEW) {
            throw new InspraakException("error.summary.in-review");
        }
        if (latest.getBody().equals(body)) {
            return toInfo(latest);
        }
        SummaryVersion v = versions.save(
                new SummaryVersion(s.getId(), latest.getNumber() + 1, body, user.id(), Instant.now(clock)));
        return toInfo(v);
    }

    private static void validateBody(String body) {
        if (body == null || body.isBlank()) {
            throw new InspraakException("error.summary.body-empty");
        }
        if (body.length() > MAX_BODY) {
            throw new InspraakException("error.summary.body-long", MAX_BODY);
        }
        if (TextInput.isUnsafe(body)) {
            throw new InspraakException("error.text.control-characters");
        }
    }

    /** Sends the latest draft for review; refused while it cites hidden or unknown ideas. */
    @Transactional
    public void submit(long summaryId) {
        InspraakUser user = requireStaff();
        SummaryVersion latest = versions.findFirstBySummaryIdOrderByNumberDesc(summaryId)
                .orElseThrow(() -> new InspraakException("error.not-found"));
        if (latest.getState() != SummaryState.DRAFT) {
            throw new InspraakException("error.summary.not-draft");
        }
        requireResolved(latest.getBody());
        latest.submit(user.id(), Instant.now(clock));
        audit.record("SUMMARY_SUBMITTED", "SUMMARY", summaryId, "v" + latest.getNumber());
    }

    /** A second moderator approves: the version is published and supersedes the previous publication. */
    @Transactional
    public void approve(long summaryId) {
        InspraakUser user = requireStaff();
        SummaryVersion latest = versions.findFirstBySummaryIdOrderByNumberDesc(summaryId)
                .orElseThrow(() -> new InspraakException("error.not-found"));
        if (latest.getState() != SummaryState.IN_REVIEW) {
            throw new InspraakException("error.summary.not-in-review");
        }
        if (latest.getSubmittedBy() != null && latest.getSubmittedBy() == user.id()) {
            throw new InspraakException("error.summary.own-approval");
        }
        requireResolved(latest.getBody());
        versions.findFirstBySummaryIdAndStateOrderByNumberDesc(summaryId, SummaryState.PUBLISHED)
                .ifPresent(SummaryVersion::supersede);
        versions.flush();
        latest.publish(user.id(), Instant.now(clock));
        audit.record("SUMMARY_PUBLISHED", "SUMMARY", summaryId, "v" + latest.getNumber());
    }

    /** The reviewer sends the version back to draft. */
    @Transactional
    public void sendBack(long summaryId) {
        requireStaff();
        SummaryVersion latest = versions.findFirstBySummaryIdOrderByNumberDesc(summaryId)
                .orElseThrow(() -> new InspraakException("error.not-found"));
        if (latest.getState() != SummaryState.IN_REVIEW) {
            throw new InspraakException("error.summary.not-in-review");
        }
        latest.sendBack();
    }

    @Transactional(readOnly = true)
    public List<VersionInfo> versions(long summaryId) {
        requireStaff();
        return versions.findBySummaryIdOrderByNumberDesc(summaryId).stream()
                .map(SummaryService::toInfo)
                .toList();
    }

    /** A line diff between two versions: lines starting with "- " were removed, "+ " added. */
    @Transactional(readOnly = true)
    public List<String> compare(long fromVersionId, long toVersionId) {
        requireStaff();
        List<String> a =
                versions.findById(fromVersionId).orElseThrow().getBody().lines().toList();
        List<String> b =
                versions.findById(toVersionId).orElseThrow().getBody().lines().toList();
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> out = new ArrayList<>();
        for (AbstractDelta<String> d : patch.getDeltas()) {
            out.add("@@ " + (d.getSource().getPosition() + 1));
            d.getSource().getLines().forEach(l -> out.add("- " + l));
            d.getTarget().getLines().forEach(l -> out.add("+ " + l));
        }
        return out;
    }

    // ---- citations -----------------------------------------------------------------------------

    public List<Citation> citations(String body) {
        requireReader();
        Set<Long> ids = new LinkedHashSet<>();
        Matcher m = CITATION.matcher(body == null ? "" : body);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids.stream().map(id -> new Citation(id, ideas.find(id))).toList();
    }

    private void requireResolved(String body) {
        List<Long> unresolved = citations(body).stream()
                .filter(c -> !c.resolved())
                .map(Citation::ideaId)
                .toList();
        if (!unresolved.isEmpty()) {
            throw new InspraakException("error.summary.unresolved", unresolved.toString());
        }
    }

    // ---- the draft -----------------------------------------------------------------------------

    /**
     * A first draft in Markdown from the latest insights, written as a note to the council: whole sentences, ideas
     * quoted by title with a citation to their page, figures in the reader's number format. Moderators edit it
     * before review; nothing in it is a placeholder to fill in.
     */
    public String draftFromInsights(long consultationId, Locale locale) {
        requireStaff();
        Locale loc = locale == null ? Messages.DUTCH : locale;
        ConsultationService.ConsultationDetails c =
                consultations.find(consultationId).orElseThrow(() -> new InspraakException("error.not-found"));
        InsightService.Insights in =
                insights.latest(consultationId).orElseGet(() -> insights.computeNow(consultationId));
        StringBuilder md = new StringBuilder();
        section(md, t("summary.draft.question", loc));
        md.append(period(c, loc)).append("\n\n> ").append(c.question().strip().replace("\n", "\n> "));
        md.append("\n\n");

        section(md, t("summary.draft.participation", loc));
        md.append(t(
                "summary.draft.participation.text",
                loc,
                in.participants(),
                in.ideaCount(),
                in.voteCount(),
                in.reactionCount()));
        List<InsightService.Representation> under = in.underRepresented();
        md.append(' ')
                .append(
                        under.isEmpty()
                                ? t("summary.draft.repr.ok", loc)
                                : t(
                                        "summary.draft.repr.under",
                                        loc,
                                        ListFormatter.getInstance(loc)
                                                .format(under.stream()
                                                        .map(r ->
                                                                t("summary.draft.repr." + r.dimension(), loc, r.band()))
                                                        .toList())))
                .append("\n\n");

        section(md, t("summary.draft.themes", loc));
        themes(md, consultationId, in, loc);

        section(md, t("summary.draft.consensus", loc));
        if (in.consensus().isEmpty()) {
            md.append(t("summary.draft.consensus.none", loc)).append("\n\n");
        } else {
            md.append(t(in.groups().size() > 1 ? "summary.draft.consensus.groups" : "summary.draft.consensus.all", loc))
                    .append("\n\n");
            // Polis's five strongest, read from the broadest support down.
            in.consensus().stream()
                    .limit(5)
                    .sorted(Comparator.comparingDouble(SummaryService::lowest).reversed())
                    .forEach(s -> md.append("- ")
                            .append(t(
                                    "summary.draft.consensus.item",
                                    loc,
                                    cite(s.idea().id()),
                                    percent(lowest(s)),
                                    in.groups().size() > 1 ? 1 : 0))
                            .append('\n'));
            md.append('\n');
        }

        if (in.groups().size() > 1) {
            section(md, t("summary.draft.divisive", loc));
            if (in.divisive().isEmpty()) {
                md.append(t("summary.draft.divisive.none", loc)).append("\n\n");
            } else {
                md.append(t("summary.draft.divisive.intro", loc)).append("\n\n");
                in.divisive().stream()
                        .limit(5)
                        .forEach(s -> md.append("- ")
                                .append(cite(s.idea().id()))
                                .append(": ")
                                .append(ListFormatter.getInstance(loc)
                                        .format(java.util.stream.IntStream.range(
                                                        0,
                                                        Math.min(
                                                                s.agreeRates().length,
                                                                in.groups().size()))
                                                .mapToObj(g -> t(
                                                        "summary.draft.divisive.rate",
                                                        loc,
                                                        in.groups().get(g).label(),
                                                        percent(s.agreeRates()[g])))
                                                .toList()))
                                .append(".\n"));
                md.append('\n');
            }

            section(md, t("summary.draft.groups", loc));
            md.append(t("summary.draft.groups.intro", loc, in.groups().size(), in.groupedParticipants()))
                    .append("\n\n");
            for (InsightService.Group g : in.groups()) {
                md.append(t("summary.draft.group", loc, g.label(), g.size()));
                if (g.statements().isEmpty()) {
                    md.append(' ').append(t("summary.draft.group.none", loc)).append("\n\n");
                    continue;
                }
                md.append("\n\n");
                g.statements().stream()
                        .limit(3)
                        .forEach(s -> md.append("- ")
                                .append(t(
                                        s.agree() ? "summary.draft.group.agrees" : "summary.draft.group.disagrees",
                                        loc,
                                        percent(s.groupRate()),
                                        cite(s.idea().id()),
                                        percent(s.restRate())))
                                .append('\n'));
                md.append('\n');
            }
        }

        section(md, t("summary.draft.questions", loc));
        WebcareService.QuestionTally q = webcare.tally(consultationId);
        md.append(
                        q.asked() == 0
                                ? t("summary.draft.questions.none", loc)
                                : q.open() == 0
                                        ? t("summary.draft.questions.answered", loc, q.asked())
                                        : t("summary.draft.questions.open", loc, q.asked(), q.open(), q.overdue()))
                .append('\n');
        return md.toString();
    }

    /**
     * The ideas by theme. Where residents filed their ideas under the consultation's own themes, those are what the
     * council reads (a person chose them); otherwise the themes found in the texts, as moderators named them.
     */
    private void themes(StringBuilder md, long consultationId, InsightService.Insights in, Locale loc) {
        List<IdeaSummary> visible = ideas.allFor(consultationId).stream()
                .filter(i -> !i.hidden() && i.mergedInto() == null)
                .toList();
        Map<String, List<IdeaSummary>> byTheme = new java.util.TreeMap<>(java.text.Collator.getInstance(loc));
        visible.stream()
                .filter(i -> i.themeName() != null && !i.themeName().isBlank())
                .forEach(i -> byTheme.computeIfAbsent(i.themeName(), k -> new ArrayList<>())
                        .add(i));
        boolean own = !byTheme.isEmpty()
                && byTheme.values().stream().mapToInt(List::size).sum() * 2 >= visible.size();
        if (own) {
            md.append(t("summary.draft.themes.own", loc, byTheme.size())).append("\n\n");
            byTheme.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, List<IdeaSummary>> e) ->
                            -e.getValue().size()))
                    .forEach(e -> {
                        List<IdeaSummary> list = e.getValue();
                        long agree = list.stream().mapToLong(IdeaSummary::agree).sum();
                        long opinions = agree
                                + list.stream().mapToLong(IdeaSummary::disagree).sum();
                        md.append("- **")
                                .append(e.getKey())
                                .append("**: ")
                                .append(
                                        opinions == 0
                                                ? t("summary.draft.theme.own.unvoted", loc, list.size())
                                                : t(
                                                        "summary.draft.theme.own",
                                                        loc,
                                                        list.size(),
                                                        percent((double) agree / opinions)))
                                .append(' ');
                        if (opinions == 0) {
                            md.setLength(md.length() - 1);
                            md.append('\n');
                            return;
                        }
                        strongest(
                                md,
                                list.stream()
                                        .filter(i -> i.agree() > i.disagree())
                                        .max(Comparator.comparingInt((IdeaSummary i) -> i.agree() - i.disagree())
                                                .thenComparingInt(IdeaSummary::agree))
                                        .map(IdeaSummary::id),
                                loc);
                    });
            long loose = visible.size()
                    - byTheme.values().stream().mapToInt(List::size).sum();
            if (loose > 0) {
                md.append("- ")
                        .append(t("summary.draft.themes.loose", loc, loose))
                        .append('\n');
            }
            md.append('\n');
        } else if (in.themes().isEmpty()) {
            md.append(t("summary.draft.themes.none", loc)).append("\n\n");
        } else {
            md.append(t("summary.draft.themes.intro", loc, in.themes().size())).append("\n\n");
            for (InsightService.ThemeInsight theme : in.themes()) {
                md.append("- **")
                        .append(theme.label())
                        .append("**: ")
                        .append(t("summary.draft.theme", loc, theme.ideas(), percent(theme.support())))
                        .append(' ');
                strongest(md, theme.strongest().stream().findFirst().map(InsightService.IdeaRef::id), loc);
            }
            md.append('\n');
        }
    }

    private void strongest(StringBuilder md, Optional<Long> idea, Locale loc) {
        md.append(idea.map(id -> t("summary.draft.theme.strongest", loc, cite(id)))
                        .orElseGet(() -> t("summary.draft.theme.no-support", loc)))
                .append('\n');
    }

    private static void section(StringBuilder md, String title) {
        md.append("## ").append(title).append("\n\n");
    }

    /** When residents could take part: a closed period, or since when it runs. */
    private String period(ConsultationService.ConsultationDetails c, Locale loc) {
        DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMMM yyyy", loc);
        String municipality = properties.municipality().name();
        LocalDate today = LocalDate.now(clock);
        if (c.ideasFrom() == null) {
            return t("summary.draft.period.undated", loc, municipality);
        }
        if (c.closedFrom() != null && !c.closedFrom().isAfter(today)) {
            return t(
                    "summary.draft.period.closed",
                    loc,
                    municipality,
                    date.format(c.ideasFrom()),
                    date.format(c.closedFrom().minusDays(1)));
        }
        return t("summary.draft.period.open", loc, municipality, date.format(c.ideasFrom()));
    }

    private static long percent(double rate) {
        return Math.round(rate * 100);
    }

    private static double lowest(InsightService.SpreadIdea s) {
        return s.agreeRates().length == 0
                ? (s.idea().votes() == 0
                        ? 0
                        : (double) s.idea().agree() / s.idea().votes())
                : Arrays.stream(s.agreeRates()).min().orElse(0);
    }

    private static String cite(long ideaId) {
        return "[idee " + ideaId + "]";
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getTranslation(key, locale == null ? Messages.DUTCH : locale, args);
    }

    // ---- council -------------------------------------------------------------------------------

    private void requireReader() {
        if (!currentUser.has(Role.COUNCIL_MEMBER) && !currentUser.has(Role.MODERATOR) && !currentUser.has(Role.ADMIN)) {
            throw new InspraakException("error.summary.readers");
        }
    }

    /** A published summary as everyone reads it on a consultation's outcome page. */
    public record PublicSummary(String title, int number, Instant publishedAt, String body) {}

    /**
     * The latest published version of each summary of a consultation, for everyone: once the municipality has
     * published its outcome, residents read what the council read. Drafts never leave the workbench.
     */
    @Transactional(readOnly = true)
    public List<PublicSummary> publishedFor(long consultationId) {
        List<PublicSummary> out = new ArrayList<>();
        for (Summary s : summaries.findByConsultationIdOrderById(consultationId)) {
            info(s).published()
                    .ifPresent(v -> out.add(new PublicSummary(s.getTitle(), v.number(), v.publishedAt(), v.body())));
        }
        return out;
    }

    /** Citations for text everyone reads: an idea that is hidden (or gone) is left unresolved, never shown. */
    @Transactional(readOnly = true)
    public List<Citation> publicCitations(String body) {
        Set<Long> ids = new LinkedHashSet<>();
        Matcher m = CITATION.matcher(body == null ? "" : body);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids.stream()
                .map(id -> new Citation(id, ideas.find(id).filter(i -> !i.hidden())))
                .toList();
    }

    /** The latest published version of every summary, newest first, with whether the reader has read it. */
    @Transactional(readOnly = true)
    public List<Published> published() {
        requireReader();
        long me = currentUser.require().id();
        List<Published> out = new ArrayList<>();
        Map<Long, String> titles = consultations.titles(
                summaries.findAll().stream().map(Summary::getConsultationId).toList());
        for (SummaryVersion v : versions.findByStateOrderByPublishedAtDesc(SummaryState.PUBLISHED)) {
            Summary s = summaries.findById(v.getSummaryId()).orElseThrow();
            out.add(new Published(
                    s.getId(),
                    v.getId(),
                    s.getConsultationId(),
                    titles.get(s.getConsultationId()),
                    s.getTitle(),
                    v.getNumber(),
                    v.getPublishedAt(),
                    reads.existsByVersionIdAndUserId(v.getId(), me),
                    (int) ideas.count(s.getConsultationId())));
        }
        return out;
    }

    @Transactional
    public void markRead(long versionId) {
        requireReader();
        long me = currentUser.require().id();
        SummaryVersion v = versions.findById(versionId).orElseThrow(() -> new InspraakException("error.not-found"));
        if (v.getState() != SummaryState.PUBLISHED && v.getState() != SummaryState.SUPERSEDED) {
            throw new InspraakException("error.not-found");
        }
        if (!reads.existsByVersionIdAndUserId(versionId, me)) {
            reads.save(new SummaryRead(versionId, me, Instant.now(clock)));
        }
    }

    @Transactional(readOnly = true)
    public boolean isRead(long versionId) {
        return currentUser
                .get()
                .map(u -> reads.existsByVersionIdAndUserId(versionId, u.id()))
                .orElse(false);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private SummaryInfo info(Summary s) {
        return new SummaryInfo(
                s.getId(),
                s.getConsultationId(),
                s.getTitle(),
                versions.findFirstBySummaryIdOrderByNumberDesc(s.getId()).map(SummaryService::toInfo),
                versions.findFirstBySummaryIdAndStateOrderByNumberDesc(s.getId(), SummaryState.PUBLISHED)
                        .map(SummaryService::toInfo));
    }

    private static VersionInfo toInfo(SummaryVersion v) {
        return new VersionInfo(
                v.getId(),
                v.getSummaryId(),
                v.getNumber(),
                v.getState(),
                v.getBody(),
                v.getAuthorId(),
                v.getCreatedAt(),
                v.getSubmittedBy(),
                v.getApprovedBy(),
                v.getPublishedAt());
    }
}

package org.inspraak.insight;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The names moderators gave to themes and the themes they merged, kept per consultation. Themes are recomputed as
 * ideas arrive; a stored choice finds its theme again through its anchor idea, wherever that idea lands.
 */
@Component
class ThemeNames {

    /** A moderator's choice for the theme around an anchor idea: a name, or the anchor of the theme it joins. */
    record Choice(long anchor, String name, Long mergedInto) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ThemeNames(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Choice> of(long consultationId) {
        return jdbc.query(
                "select anchor_idea_id, name, merged_into_anchor from theme_name where consultation_id = ?"
                        + " order by updated_at desc, anchor_idea_id",
                (rs, n) -> new Choice(rs.getLong(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3)),
                consultationId);
    }

    void name(long consultationId, long anchor, String name, long userId) {
        upsert(consultationId, anchor, name, null, userId);
    }

    void merge(long consultationId, long anchor, long into, long userId) {
        upsert(consultationId, anchor, null, into, userId);
    }

    private void upsert(long consultationId, long anchor, String name, Long into, long userId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int changed = jdbc.update(
                "update theme_name set name = ?, merged_into_anchor = ?, updated_by = ?, updated_at = ?"
                        + " where consultation_id = ? and anchor_idea_id = ?",
                name,
                into,
                userId,
                now,
                consultationId,
                anchor);
        if (changed == 0) {
            jdbc.update(
                    "insert into theme_name (consultation_id, anchor_idea_id, name, merged_into_anchor, updated_by,"
                            + " updated_at) values (?, ?, ?, ?, ?, ?)",
                    consultationId,
                    anchor,
                    name,
                    into,
                    userId,
                    now);
        }
    }

    /** A theme after the moderators' choices: its label, whether a person named it, its ideas and its anchor. */
    record Applied(String label, boolean named, String proposed, List<Long> ideaIds, long anchor) {}

    /**
     * Applies merges (the theme holding a merged anchor joins the theme holding its target), then names (the most
     * recent name whose anchor is among a theme's ideas). Choices whose ideas are gone are left alone.
     */
    static List<Applied> apply(List<TextAnalysis.Theme> themes, List<Choice> choices) {
        List<Set<Long>> members = new ArrayList<>();
        List<TextAnalysis.Theme> kept = new ArrayList<>(themes);
        themes.forEach(t -> members.add(new LinkedHashSet<>(t.ideaIds())));
        for (Choice c : choices) {
            if (c.mergedInto() == null) {
                continue;
            }
            int from = indexOf(members, c.anchor());
            int into = indexOf(members, c.mergedInto());
            if (from >= 0 && into >= 0 && from != into) {
                members.get(into).addAll(members.get(from));
                members.remove(from);
                kept.remove(from);
            }
        }
        List<Applied> out = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            TextAnalysis.Theme t = kept.get(i);
            Set<Long> ids = members.get(i);
            String name = choices.stream()
                    .filter(c -> c.name() != null && ids.contains(c.anchor()))
                    .map(Choice::name)
                    .findFirst()
                    .orElse(null);
            out.add(new Applied(
                    name != null ? name : t.label(), name != null, t.label(), List.copyOf(ids), t.anchor()));
        }
        return out;
    }

    private static int indexOf(List<Set<Long>> members, long idea) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).contains(idea)) {
                return i;
            }
        }
        return -1;
    }
}

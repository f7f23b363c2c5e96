package org.inspraak.budget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.inspraak.account.PersonalData;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A person's budget ballots are in their export; on deletion they stay counted but move to the anonymous
 * placeholder, so they can no longer be linked to the person.
 */
@Component
@Order(5)
class BudgetPersonalData implements PersonalData {

    private final BallotRepository ballots;

    BudgetPersonalData(BallotRepository ballots) {
        this.ballots = ballots;
    }

    @Override
    public Map<String, Object> export(long userId) {
        Map<Long, Map<String, Object>> byConsultation = new LinkedHashMap<>();
        for (Object[] row : ballots.ballotsOf(userId)) {
            long consultation = ((Number) row[0]).longValue();
            Map<String, Object> ballot = byConsultation.computeIfAbsent(consultation, c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("consultationId", c);
                m.put("totalEuros", ((Number) row[1]).longValue());
                m.put("updatedAt", String.valueOf(row[2]));
                m.put("ideaIds", new ArrayList<Long>());
                return m;
            });
            if (row[3] != null) {
                @SuppressWarnings("unchecked")
                List<Long> ideas = (List<Long>) ballot.get("ideaIds");
                ideas.add(((Number) row[3]).longValue());
            }
        }
        return Map.of("ballots", List.copyOf(byConsultation.values()));
    }

    @Override
    public void erase(long userId, long placeholderUserId) {
        ballots.reassignBallots(userId, placeholderUserId);
    }
}

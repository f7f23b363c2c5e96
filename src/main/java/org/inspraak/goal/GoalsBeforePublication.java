package org.inspraak.goal;

import java.util.List;

import org.inspraak.consultation.PublicationCheck;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Before a consultation is published: has anyone said whom it should reach and how many? */
@Component
class GoalsBeforePublication implements PublicationCheck {

    private final GoalRepository goals;

    GoalsBeforePublication(GoalRepository goals) {
        this.goals = goals;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CheckItem> checks(long consultationId) {
        return List.of(new CheckItem(
                "admin.publication.check.goals",
                !goals.findByConsultationIdOrderById(consultationId).isEmpty()));
    }
}

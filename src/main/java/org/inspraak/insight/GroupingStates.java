package org.inspraak.insight;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.inspraak.DatabaseErrors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The opinion-group math state of each consultation, kept in the database as JSON between updates. */
@Component
class GroupingStates {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    GroupingStates(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // Saved on its own, so it works from the read-only transaction that computes the insights.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    OpinionGroups.State load(long consultationId) {
        return jdbc
                .query(
                        "select state from opinion_group_state where consultation_id = ?",
                        (rs, n) -> rs.getString(1),
                        consultationId)
                .stream()
                .findFirst()
                .map(s -> json.readValue(s, OpinionGroups.State.class))
                .orElse(OpinionGroups.State.EMPTY);
    }

    /** Keeps the state only if the consultation has none yet; returns whether it was kept. */
    boolean saveIfAbsent(long consultationId, OpinionGroups.State state) {
        String text = json.writeValueAsString(state);
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            ownTransaction.executeWithoutResult(s -> jdbc.update(
                    "insert into opinion_group_state (consultation_id, state, updated_at) values (?, ?, ?)",
                    consultationId,
                    text,
                    now));
            return true;
        } catch (DataIntegrityViolationException e) {
            if (!DatabaseErrors.isUniqueViolation(e)) {
                throw e;
            }
            return false;
        }
    }

    void save(long consultationId, OpinionGroups.State state) {
        String text = json.writeValueAsString(state);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String update = "update opinion_group_state set state = ?, updated_at = ? where consultation_id = ?";
        try {
            ownTransaction.executeWithoutResult(s -> {
                if (jdbc.update(update, text, now, consultationId) == 0) {
                    jdbc.update(
                            "insert into opinion_group_state (consultation_id, state, updated_at) values (?, ?, ?)",
                            consultationId,
                            text,
                            now);
                }
            });
        } catch (DataIntegrityViolationException e) {
            if (!DatabaseErrors.isUniqueViolation(e)) {
                throw e;
            }
            // Another node inserted first: overwrite in a fresh transaction.
            ownTransaction.executeWithoutResult(s -> jdbc.update(update, text, now, consultationId));
        }
    }
}

package org.inspraak.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.inspraak.Csv;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The audit log of moderation and admin actions. There is deliberately no way to edit or delete entries. */
@Service
public class AuditService {

    private final AuditRepository entries;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditService(AuditRepository entries, CurrentUser currentUser, Clock clock) {
        this.entries = entries;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Records an action by the current user (or "systeem" for automatic actions) in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String targetType, Long targetId, String reason) {
        InspraakUser actor = currentUser.get().orElse(null);
        entries.save(new AuditEntry(
                actor == null ? null : actor.id(),
                actor == null ? "systeem" : actor.displayName(),
                action,
                targetType,
                targetId,
                reason,
                Instant.now(clock)));
    }

    @Transactional(readOnly = true)
    @Secured({"ROLE_ADMIN", "ROLE_MODERATOR"})
    public List<AuditEntry> find(String action, String actor, int offset, int limit) {
        int size = Math.max(1, limit);
        return entries.find(blankToNull(action), like(actor), PageRequest.of(offset / size, size));
    }

    @Transactional(readOnly = true)
    @Secured({"ROLE_ADMIN", "ROLE_MODERATOR"})
    public long count(String action, String actor) {
        return entries.count(blankToNull(action), like(actor));
    }

    /** The filtered log as CSV (RFC 4180), with formula-injection protection for spreadsheet users. */
    @Transactional(readOnly = true)
    @Secured({"ROLE_ADMIN", "ROLE_MODERATOR"})
    public String csv(String action, String actor) {
        Csv csv = Csv.withHeader("time", "actor", "action", "target_type", "target_id", "reason");
        DateTimeFormatter iso = DateTimeFormatter.ISO_INSTANT;
        int page = 0;
        List<AuditEntry> batch;
        do {
            batch = entries.find(blankToNull(action), like(actor), PageRequest.of(page++, 500));
            for (AuditEntry e : batch) {
                csv.row(
                        iso.format(e.getCreatedAt()),
                        e.getActorName(),
                        e.getAction(),
                        e.getTargetType(),
                        e.getTargetId(),
                        e.getReason());
            }
        } while (batch.size() == 500);
        return csv.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String like(String s) {
        return s == null || s.isBlank()
                ? ""
                : "%" + s.trim().toLowerCase(Locale.ROOT).replace("%", "") + "%";
    }
}

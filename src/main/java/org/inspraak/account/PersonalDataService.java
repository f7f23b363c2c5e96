package org.inspraak.account;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.inspraak.InspraakException;
import org.inspraak.audit.AuditService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resident's rights over their own data: a complete export as JSON, and deletion of the account. Deletion
 * anonymises rather than removes contributions, so conversations stay readable; votes stay counted but move to
 * an anonymous placeholder so they cannot be linked back to the person or their contributions.
 */
@Service
public class PersonalDataService {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final AccountService accounts;
    private final ObjectProvider<PersonalData> modules;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    PersonalDataService(
            AccountService accounts,
            ObjectProvider<PersonalData> modules,
            AuditService audit,
            CurrentUser currentUser,
            Clock clock) {
        this.accounts = accounts;
        this.modules = modules;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public String exportMine() {
        InspraakUser me = currentUser.require();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("exportedAt", Instant.now(clock).toString());
        data.put("account", accounts.exportAccount(me.id()));
        modules.orderedStream().forEach(m -> data.putAll(m.export(me.id())));
        return JSON.writeValueAsString(data);
    }

    /** Deletes the signed-in person's account; the caller logs them out afterwards. */
    @Transactional
    public void deleteMyAccount() {
        InspraakUser me = currentUser.require();
        if (me.has(Role.ADMIN)) {
            // Keeps the site administrable; another admin removes the role first.
            throw new InspraakException("error.account.delete-admin");
        }
        long placeholder = accounts.createAnonymousPlaceholder();
        modules.orderedStream().forEach(m -> m.erase(me.id(), placeholder));
        accounts.anonymise(me.id());
        audit.record("ACCOUNT_DELETED", "USER", me.id(), null);
    }
}

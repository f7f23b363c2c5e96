package org.inspraak.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.inspraak.AfterTransaction;
import org.inspraak.DatabaseErrors;
import org.inspraak.InspraakException;
import org.inspraak.InspraakProperties;
import org.inspraak.Messages;
import org.inspraak.TextInput;
import org.inspraak.audit.AuditService;
import org.inspraak.mail.MailService;
import org.inspraak.neighbourhood.NeighbourhoodService;
import org.inspraak.security.ClientIp;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.RateLimits;
import org.inspraak.security.Role;
import org.inspraak.security.SignedInSessions;
import org.inspraak.ui.LocalePreference;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registration, e-mail verification, passwords, profiles and roles. */
@Service
public class AccountService implements UserDetailsService, LocalePreference {

    public static final int MAX_DISPLAY_NAME = 60;
    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 128;
    public static final int MAX_EMAIL = 254;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}$");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}]");
    private static final Set<String> COMMON_PASSWORDS = Set.of(
            "wachtwoord",
            "password",
            "1234567890",
            "0123456789",
            "qwertyuiop",
            "wachtwoord1",
            "password1",
            "welkom1234",
            "welkomwelkom",
            "abcdefghij",
            "1111111111",
            "password123",
            "wachtwoord123",
            "iloveyou12",
            "qwerty1234",
            "helmond123",
            "inspraak123");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository users;
    private final AccountTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final MailService mail;
    private final Messages messages;
    private final InspraakProperties properties;
    private final NeighbourhoodService neighbourhoods;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final RateLimits rateLimits;
    private final ClientIp clientIp;
    private final AuditService audit;
    private final SignedInSessions sessions;

    AccountService(
            UserAccountRepository users,
            AccountTokenRepository tokens,
            PasswordEncoder passwordEncoder,
            MailService mail,
            Messages messages,
            InspraakProperties properties,
            NeighbourhoodService neighbourhoods,
            CurrentUser currentUser,
            Clock clock,
            RateLimits rateLimits,
            ClientIp clientIp,
            AuditService audit,
            SignedInSessions sessions) {
        this.users = users;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.neighbourhoods = neighbourhoods;
        this.currentUser = currentUser;
        this.clock = clock;
        this.rateLimits = rateLimits;
        this.clientIp = clientIp;
        this.audit = audit;
        this.sessions = sessions;
    }

    /** What a person fills in on the registration form. */
    public record Registration(
            String email,
            String displayName,
            String password,
            Integer birthYear,
            Long neighbourhoodId,
            Locale locale) {}

    /** Public view of an account: never the e-mail address or statistics. */
    public record PublicProfile(long id, String displayName) {}

    // ---- registration and verification -------------------------------------------------------

    @Transactional
    public long register(Registration r) {
        return register(r, null);
    }

    /**
     * Registers, and remembers in the confirmation link where the person was ({@code returnTo}, a path on this
     * site), so that confirming signs them in and takes them back there.
     */
    @Transactional
    public long register(Registration r, @Nullable String returnTo) {
        String email = normaliseEmail(r.email());
        String name = validateDisplayName(r.displayName());
        validatePassword(r.password(), email);
        validateBirthYear(r.birthYear());
        validateNeighbourhood(r.neighbourhoodId());
        rateLimits.checkIp(RateLimits.Action.REGISTER, clientIp.current());
        Optional<UserAccount> existing = users.findByEmail(email);
        if (existing.isPresent()) {
            // The same answer as for a new address, so the form tells nobody who has an account; the owner
            // hears of it by mail instead.
            mailExistingOwner(existing.get());
            return existing.get().getId();
        }
        UserAccount account = new UserAccount(email, name, passwordEncoder.encode(r.password()), Instant.now(clock));
        account.setBirthYear(r.birthYear());
        account.setNeighbourhoodId(r.neighbourhoodId());
        Locale locale = Messages.supported(r.locale());
        account.setLocale(locale.getLanguage());
        try {
            // Flush now so a parallel registration with the same address fails here, on the unique constraint.
            users.saveAndFlush(account);
        } catch (DataIntegrityViolationException e) {
            if (!DatabaseErrors.isUniqueViolation(e)) {
                throw e;
            }
            // Registered at this very moment from elsewhere: ask to try again, which then takes the path above.
            throw new InspraakException("error.register.try-again");
        }
        String token = issueToken(
                account,
                AccountToken.Purpose.VERIFY_EMAIL,
                properties.accounts().verificationValidity().toSeconds());
        String link = verifyLink(token, returnTo);
        mail.send(
                email,
                messages.get(
                        locale, "mail.verify.subject", properties.municipality().name()),
                messages.get(
                        locale,
                        "mail.verify.body",
                        name,
                        link,
                        properties.accounts().verificationValidity().toHours()));
        return account.getId();
    }

    private void mailExistingOwner(UserAccount owner) {
        if (!rateLimits.tryConsume(RateLimits.Action.ACCOUNT_MAIL, "mail:" + owner.getEmail())) {
            return;
        }
        Locale locale = Messages.fromTag(owner.getLocale());
        mail.send(
                owner.getEmail(),
                messages.get(
                        locale,
                        "mail.register.exists.subject",
                        properties.municipality().name()),
                messages.get(
                        locale,
                        "mail.register.exists.body",
                        owner.getDisplayName(),
                        properties.municipality().name(),
                        properties.baseUrl() + "/login",
                        properties.baseUrl() + "/wachtwoord-vergeten"));
    }

    @Transactional
    public InspraakUser verifyEmail(String token) {
        AccountToken t = consumeToken(token, AccountToken.Purpose.VERIFY_EMAIL);
        UserAccount account =
                users.findById(t.getUserId()).orElseThrow(() -> new InspraakException("error.token.invalid"));
        account.setEmailVerified(true);
        // The link proved the address: the page signs the person in with the account as it is now.
        return loadUserByUsername(account.getEmail());
    }

    private String verifyLink(String token, @Nullable String returnTo) {
        String back = safeReturnPath(returnTo);
        return properties.baseUrl() + "/bevestigen?token=" + token
                + (back == null ? "" : "&terug=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
    }

    /** A path on this site to return to, or null: never another host, a scheme, or a path that climbs. */
    public static @Nullable String safeReturnPath(@Nullable String path) {
        if (path == null || path.length() > 200 || !path.matches("/[A-Za-z0-9/_-]*") || path.startsWith("//")) {
            return null;
        }
        return path;
    }

    /** Sends a fresh verification link, e.g. when the first one expired. Silent for unknown addresses. */
    @Transactional
    public void resendVerification(String rawEmail) {
        resendVerification(rawEmail, null);
    }

    /** As {@link #resendVerification(String)}, keeping where the person was (see {@link #register}). */
    @Transactional
    public void resendVerification(String rawEmail, @Nullable String returnTo) {
        String email = normaliseEmail(rawEmail);
        users.findByEmail(email).filter(u -> !u.isEmailVerified()).ifPresent(account -> {
            Locale locale = Messages.fromTag(account.getLocale());
            String token = issueToken(
                    account,
                    AccountToken.Purpose.VERIFY_EMAIL,
                    properties.accounts().verificationValidity().toSeconds());
            mail.send(
                    email,
                    messages.get(
                            locale,
                            "mail.verify.subject",
                            properties.municipality().name()),
                    messages.get(
                            locale,
                            "mail.verify.body",
                            account.getDisplayName(),
                            verifyLink(token, returnTo),
                            properties.accounts().verificationValidity().toHours()));
        });
    }

    // ---- passwords ---------------------------------------------------------------------------

    /** Always behaves the same whether or not the address exists, so it cannot be used to probe accounts. */
    @Transactional
    public void requestPasswordReset(String rawEmail) {
        String email = normaliseEmail(rawEmail);
        rateLimits.checkIp(RateLimits.Action.PASSWORD_RESET, clientIp.current());
        if (!rateLimits.tryConsume(RateLimits.Action.ACCOUNT_MAIL, "mail:" + email)) {
            return; // enough links on their way to this address; the answer stays the same
        }
        users.findByEmail(email).ifPresent(account -> {
            Locale locale = Messages.fromTag(account.getLocale());
            String token = issueToken(
                    account,
                    AccountToken.Purpose.RESET_PASSWORD,
                    properties.accounts().resetValidity().toSeconds());
            mail.send(
                    email,
                    messages.get(
                            locale,
                            "mail.reset.subject",
                            properties.municipality().name()),
                    messages.get(
                            locale,
                            "mail.reset.body",
                            account.getDisplayName(),
                            properties.baseUrl() + "/wachtwoord-herstellen?token=" + token,
                            properties.accounts().resetValidity().toMinutes()));
        });
    }

    @Transactional
    public void resetPassword(String token, String newPassword) {
        AccountToken t = tokens.findByTokenHash(hash(token == null ? "" : token))
                .filter(x -> x.getPurpose() == AccountToken.Purpose.RESET_PASSWORD)
                .orElseThrow(() -> new InspraakException("error.token.invalid"));
        UserAccount account =
                users.findById(t.getUserId()).orElseThrow(() -> new InspraakException("error.token.invalid"));
        // Validate before consuming, so a weak password does not burn the link.
        validatePassword(newPassword, account.getEmail());
        consumeToken(token, AccountToken.Purpose.RESET_PASSWORD);
        account.setPasswordHash(passwordEncoder.encode(newPassword));
        // Whoever can read the mailbox owns the address: a reset also proves it.
        account.setEmailVerified(true);
        // Whoever knew the old password (the reason for many resets) is signed out everywhere.
        long id = account.getId();
        AfterTransaction.commit(() -> sessions.endAllOtherSessionsOf(id));
    }

    @Transactional
    public void changePassword(String currentPassword, String newPassword) {
        UserAccount account = me();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new InspraakException("error.password.current-wrong");
        }
        validatePassword(newPassword, account.getEmail());
        account.setPasswordHash(passwordEncoder.encode(newPassword));
        long id = account.getId();
        AfterTransaction.commit(() -> sessions.endAllOtherSessionsOf(id));
    }

    // ---- profile -------------------------------------------------------------------------------

    public record Profile(
            String displayName,
            Integer birthYear,
            Long neighbourhoodId,
            EmailPreference emailPreference,
            String locale) {}

    @Transactional(readOnly = true)
    public Profile myProfile() {
        UserAccount a = me();
        return new Profile(
                a.getDisplayName(), a.getBirthYear(), a.getNeighbourhoodId(), a.getEmailPreference(), a.getLocale());
    }

    @Transactional(readOnly = true)
    public String myEmail() {
        return me().getEmail();
    }

    @Transactional
    public void updateProfile(Profile p) {
        UserAccount a = me();
        String name = validateDisplayName(p.displayName());
        validateBirthYear(p.birthYear());
        validateNeighbourhood(p.neighbourhoodId());
        a.setDisplayName(name);
        forgetName(a.getId());
        a.setBirthYear(p.birthYear());
        a.setNeighbourhoodId(p.neighbourhoodId());
        a.setEmailPreference(p.emailPreference() == null ? EmailPreference.INSTANT : p.emailPreference());
        if (p.locale() != null) {
            a.setLocale(Messages.fromTag(p.locale()).getLanguage());
        }
    }

    /** Remembers the language a signed-in user chose; anonymous visitors keep it in a cookie only. */
    @Transactional
    @Override
    public void rememberLocale(Locale locale) {
        currentUser
                .get()
                .flatMap(u -> users.findById(u.id()))
                .ifPresent(a -> a.setLocale(Messages.supported(locale).getLanguage()));
    }

    @Transactional(readOnly = true)
    @Override
    public Optional<Locale> preferredLocale(long userId) {
        return users.findById(userId).map(UserAccount::getLocale).map(Messages::fromTag);
    }

    // ---- public names --------------------------------------------------------------------------

    /**
     * Public names by account, for every card, idea and reaction a page shows: kept for a while, as they seldom
     * change (reading them was one more query on almost every page). A change on this node is seen at once; another
     * node of a cluster sees it within {@link #NAMES_KEPT}.
     */
    public Map<Long, String> displayNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        // No transaction of its own: a page whose names are all kept needs no database connection for them.
        return names.getAll(ids, missing -> {
            Map<Long, String> read = new HashMap<>();
            for (Object[] row : users.displayNamesOf(List.copyOf(missing))) {
                read.put((Long) row[0], (String) row[1]);
            }
            return read;
        });
    }

    static final Duration NAMES_KEPT = Duration.ofSeconds(30);

    private final Cache<Long, String> names = Caffeine.newBuilder()
            .expireAfterWrite(NAMES_KEPT)
            .maximumSize(100_000)
            .build();

    /** Forgets a changed name now, and again once its transaction is over (a page may read it meanwhile). */
    private void forgetName(long userId) {
        names.invalidate(userId);
        AfterTransaction.completion(() -> names.invalidate(userId));
    }

    @Transactional(readOnly = true)
    public Optional<PublicProfile> publicProfile(long id) {
        return users.findById(id).map(u -> new PublicProfile(u.getId(), u.getDisplayName()));
    }

    /** Contact data for mail to one user; for the notification feature, never for display. */
    public record MailContact(long id, String email, Locale locale, EmailPreference preference, String displayName) {}

    @Transactional(readOnly = true)
    public Optional<MailContact> mailContact(long id) {
        return users.findById(id).filter(UserAccount::isEmailVerified).map(AccountService::mailContact);
    }

    /**
     * The same contact, with the account row locked until the caller's transaction ends. Whoever decides whether a
     * mail goes out now or waits for a bundle holds this lock, so two notifications arriving at once on different
     * threads or nodes cannot both see "no mail lately" and send two mails.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Optional<MailContact> lockMailContact(long id) {
        return users.lockById(id).filter(UserAccount::isEmailVerified).map(AccountService::mailContact);
    }

    private static MailContact mailContact(UserAccount u) {
        return new MailContact(
                u.getId(), u.getEmail(), Messages.fromTag(u.getLocale()), u.getEmailPreference(), u.getDisplayName());
    }

    // ---- unsubscribing from mail ----------------------------------------------------------------

    /**
     * The address where this person turns off notification mail in one click. The token is random, stored with
     * the account, and only ever allows that one change (and undoing it), so a forwarded mail risks nothing else.
     */
    /** The page a person opens from the mail's text, and the address mail clients POST to (RFC 8058). */
    public record UnsubscribeLinks(String page, String oneClick) {}

    @Transactional
    public UnsubscribeLinks unsubscribeLinks(long userId) {
        UserAccount u = users.findById(userId).orElseThrow(() -> new InspraakException("error.not-found"));
        if (u.getUnsubscribeToken() == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            u.setUnsubscribeToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return new UnsubscribeLinks(
                properties.baseUrl() + "/afmelden/" + u.getUnsubscribeToken(),
                properties.baseUrl() + OneClickUnsubscribe.PATH + u.getUnsubscribeToken());
    }

    /** What unsubscribing did: whose mail stopped and what they had before, so the page can offer to undo it. */
    public record Unsubscribed(String displayName, EmailPreference previous) {}

    /** Turns off notification mail for the holder of this token. Anyone with the link may do this, signed in or not. */
    @Transactional
    public Optional<Unsubscribed> unsubscribe(String token) {
        return byUnsubscribeToken(token).map(u -> {
            EmailPreference previous = u.getEmailPreference();
            u.setEmailPreference(EmailPreference.OFF);
            return new Unsubscribed(u.getDisplayName(), previous);
        });
    }

    /** Undoes {@link #unsubscribe} from the same page: back to mail at once or a daily digest. */
    @Transactional
    public void resubscribe(String token, EmailPreference preference) {
        if (preference == EmailPreference.OFF) {
            throw new InspraakException("error.not-found");
        }
        byUnsubscribeToken(token)
                .orElseThrow(() -> new InspraakException("error.not-found"))
                .setEmailPreference(preference);
    }

    private Optional<UserAccount> byUnsubscribeToken(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,64}")) {
            return Optional.empty();
        }
        return users.findByUnsubscribeToken(token);
    }

    @Transactional(readOnly = true)
    public Set<Role> roles(long id) {
        return users.findById(id).map(UserAccount::getRoles).orElse(EnumSet.noneOf(Role.class));
    }

    // ---- administration ------------------------------------------------------------------------

    /** A row in the admin's user list. The admin needs the address to recognise people; nobody else sees it. */
    public record AccountRow(
            long id, String email, String displayName, boolean emailVerified, Set<Role> roles, Instant createdAt) {}

    @Transactional(readOnly = true)
    @Secured("ROLE_ADMIN")
    public List<AccountRow> findAccounts(String filter, int offset, int limit) {
        String q = like(filter);
        int size = Math.max(1, limit);
        return users.search(q, PageRequest.of(offset / size, size)).stream()
                .map(u -> new AccountRow(
                        u.getId(),
                        u.getEmail(),
                        u.getDisplayName(),
                        u.isEmailVerified(),
                        u.getRoles(),
                        u.getCreatedAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    @Secured("ROLE_ADMIN")
    public long countAccounts(String filter) {
        return users.countSearch(like(filter));
    }

    @Transactional
    @Secured("ROLE_ADMIN")
    public void assignRoles(long userId, Set<Role> roles) {
        InspraakUser admin = currentUser.require(Role.ADMIN);
        if (roles == null || roles.isEmpty()) {
            throw new InspraakException("error.roles.empty");
        }
        UserAccount account = users.findById(userId).orElseThrow(() -> new InspraakException("error.not-found"));
        if (admin.id() == userId && !roles.contains(Role.ADMIN)) {
            // An admin cannot lock the site out of its own administration by accident.
            throw new InspraakException("error.roles.self-admin");
        }
        account.setRoles(roles);
        audit.record("ROLES_ASSIGNED", "USER", userId, roles.toString());
    }

    // ---- suspension -----------------------------------------------------------------------------

    /** Refuses when the user is suspended; checked on every post, vote and flag, so a page opened earlier cannot bypass it. */
    @Transactional(readOnly = true)
    public void requireCanParticipate(long userId) {
        UserAccount a = users.findById(userId).orElseThrow(() -> new InspraakException("error.login-required"));
        if (a.getSuspendedUntil() != null && a.getSuspendedUntil().isAfter(Instant.now(clock))) {
            throw new InspraakException("error.suspended", Date.from(a.getSuspendedUntil()), a.getSuspensionReason());
        }
    }

    /** Whether the account is younger than the given number of days (new accounts get stricter limits). */
    @Transactional(readOnly = true)
    public boolean isNewAccount(long userId, int days) {
        return users.findById(userId)
                .map(a -> a.getCreatedAt().isAfter(Instant.now(clock).minus(Duration.ofDays(days))))
                .orElse(true);
    }

    /** Suspends a resident until the given moment (staff only; admins cannot be suspended). */
    @Transactional
    public void suspend(long userId, Instant until, String reason) {
        currentUser.requireStaff();
        UserAccount a = users.findById(userId).orElseThrow(() -> new InspraakException("error.not-found"));
        if (a.getRoles().contains(Role.ADMIN)) {
            throw new InspraakException("error.suspend.admin");
        }
        if (until == null || !until.isAfter(Instant.now(clock))) {
            throw new InspraakException("error.suspend.until");
        }
        a.suspend(until, reason);
    }

    @Transactional(readOnly = true)
    public Optional<Instant> suspendedUntil(long userId) {
        return users.findById(userId).map(UserAccount::getSuspendedUntil).filter(t -> t.isAfter(Instant.now(clock)));
    }

    // ---- personal data (GDPR) --------------------------------------------------------------------

    /** Everything the account itself holds about a person, for their data export. */
    @Transactional(readOnly = true)
    public Map<String, Object> exportAccount(long userId) {
        UserAccount a = users.findById(userId).orElseThrow(() -> new InspraakException("error.not-found"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("email", a.getEmail());
        out.put("displayName", a.getDisplayName());
        out.put("birthYear", a.getBirthYear());
        out.put("neighbourhoodId", a.getNeighbourhoodId());
        out.put("emailPreference", a.getEmailPreference().name());
        out.put("language", a.getLocale());
        out.put("roles", a.getRoles().stream().map(Enum::name).sorted().toList());
        out.put("createdAt", a.getCreatedAt().toString());
        out.put(
                "suspendedUntil",
                a.getSuspendedUntil() == null ? null : a.getSuspendedUntil().toString());
        return out;
    }

    /**
     * Removes everything that identifies the person: e-mail, name, demographics and the ability to log in.
     * The account row stays, so contributions remain in the conversation as those of a former participant.
     */
    @Transactional
    public void anonymise(long userId) {
        UserAccount a = users.findById(userId).orElseThrow(() -> new InspraakException("error.not-found"));
        a.anonymise(
                "verwijderd-" + userId + "@example.invalid",
                FORMER_PARTICIPANT,
                passwordEncoder.encode(UUID.randomUUID().toString()));
        forgetName(userId);
        tokens.deleteByUserId(userId);
    }

    /** A new account with no personal data, to which a deleted person's votes move so they cannot be linked back. */
    @Transactional
    public long createAnonymousPlaceholder() {
        String key = UUID.randomUUID().toString();
        UserAccount a = new UserAccount(
                "anoniem-" + key + "@example.invalid",
                FORMER_PARTICIPANT,
                passwordEncoder.encode(key),
                Instant.now(clock));
        a.setRoles(EnumSet.of(Role.RESIDENT));
        return users.save(a).getId();
    }

    public static final String FORMER_PARTICIPANT = "Voormalig deelnemer";
    /** Birth year and neighbourhood of the given accounts, for aggregate statistics only; never shown per person. */
    public record Demographics(Integer birthYear, Long neighbourhoodId) {}

    @Transactional(readOnly = true)
    public Map<Long, Demographics> demographics(Collection<Long> ids) {
        Map<Long, Demographics> out = new HashMap<>();
        List<Long> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += 1000) {
            users.findAllById(all.subList(i, Math.min(all.size(), i + 1000)))
                    .forEach(u -> out.put(u.getId(), new Demographics(u.getBirthYear(), u.getNeighbourhoodId())));
        }
        return out;
    }

    public static final String IMPORTED_PARTICIPANT = "Geïmporteerde deelnemer";

    /**
     * Accounts for participants imported from another platform: no e-mail, no demographics, no usable password
     * (one random hash shared by all, never revealed), unverified so they cannot sign in.
     */
    @Transactional
    public List<Long> createImportedParticipants(int count) {
        String hash = passwordEncoder.encode(UUID.randomUUID().toString());
        Instant now = Instant.now(clock);
        List<UserAccount> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UserAccount a = new UserAccount(
                    "import-" + UUID.randomUUID() + "@example.invalid", IMPORTED_PARTICIPANT, hash, now);
            a.setRoles(EnumSet.of(Role.RESIDENT));
            created.add(a);
        }
        return users.saveAll(created).stream().map(UserAccount::getId).toList();
    }

    // ---- demo and production guards -----------------------------------------------------------

    @Transactional(readOnly = true)
    public boolean demoAccountsExist() {
        return users.existsByDemoTrue();
    }

    @Transactional(readOnly = true)
    public boolean anyAccountExists() {
        return users.count() > 0;
    }

    /** Creates a verified account for demo seeding; callers are responsible for marking it as demo. */
    @Transactional
    public long createVerified(
            String email,
            String displayName,
            String passwordHash,
            Set<Role> roles,
            Integer birthYear,
            Long neighbourhoodId,
            boolean demo) {
        UserAccount account = new UserAccount(
                normaliseEmail(email), validateDisplayName(displayName), passwordHash, Instant.now(clock));
        account.setEmailVerified(true);
        account.setRoles(roles);
        account.setBirthYear(birthYear);
        account.setNeighbourhoodId(neighbourhoodId);
        account.setDemo(demo);
        account.setLocale("nl");
        return users.save(account).getId();
    }

    public String encodePassword(String raw) {
        return passwordEncoder.encode(raw);
    }

    // ---- Spring Security ---------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public InspraakUser loadUserByUsername(String username) {
        String email = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        UserAccount a = users.findByEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown"));
        return new InspraakUser(
                a.getId(), a.getEmail(), a.getDisplayName(), a.getPasswordHash(), a.getRoles(), a.isEmailVerified());
    }

    // ---- validation helpers ----------------------------------------------------------------------

    static String normaliseEmail(String raw) {
        String email = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            throw new InspraakException("error.email.required");
        }
        if (email.length() > MAX_EMAIL
                || !EMAIL.matcher(email).matches()
                || CONTROL.matcher(email).find()) {
            throw new InspraakException("error.email.invalid");
        }
        return email;
    }

    static String validateDisplayName(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.length() < 2 || TextInput.showsNothing(name)) {
            throw new InspraakException("error.display-name.short");
        }
        if (name.length() > MAX_DISPLAY_NAME) {
            throw new InspraakException("error.display-name.long", MAX_DISPLAY_NAME);
        }
        if (CONTROL.matcher(name).find() || TextInput.isUnsafe(name) || name.contains("@")) {
            throw new InspraakException("error.display-name.invalid");
        }
        return name;
    }

    static void validatePassword(String password, String email) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InspraakException("error.password.short", MIN_PASSWORD);
        }
        if (password.length() > MAX_PASSWORD) {
            throw new InspraakException("error.password.long", MAX_PASSWORD);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        boolean oneCharacter = lower.chars().distinct().count() < 4;
        String local = email == null ? "" : email.substring(0, Math.max(0, email.indexOf('@')));
        if (oneCharacter || COMMON_PASSWORDS.contains(lower) || (!local.isEmpty() && lower.contains(local))) {
            throw new InspraakException("error.password.weak");
        }
    }

    void validateBirthYear(Integer year) {
        if (year == null) {
            return;
        }
        int now = Year.now(clock).getValue();
        if (year < now - 120 || year > now - 12) {
            throw new InspraakException("error.birth-year.range", now - 120, now - 12);
        }
    }

    private void validateNeighbourhood(Long id) {
        if (id != null && !neighbourhoods.exists(id)) {
            throw new InspraakException("error.neighbourhood.unknown");
        }
    }

    private UserAccount me() {
        InspraakUser user = currentUser.require();
        return users.findById(user.id()).orElseThrow(() -> new InspraakException("error.login-required"));
    }

    private String issueToken(UserAccount account, AccountToken.Purpose purpose, long validitySeconds) {
        Instant now = Instant.now(clock);
        tokens.invalidateOpen(account.getId(), purpose, now);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.save(new AccountToken(account.getId(), purpose, hash(token), now, now.plusSeconds(validitySeconds)));
        return token;
    }

    private AccountToken consumeToken(String token, AccountToken.Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new InspraakException("error.token.invalid");
        }
        AccountToken t = tokens.findByTokenHash(hash(token))
                .filter(x -> x.getPurpose() == purpose)
                .orElseThrow(() -> new InspraakException("error.token.invalid"));
        Instant now = Instant.now(clock);
        if (t.getUsedAt() != null) {
            throw new InspraakException("error.token.used");
        }
        if (now.isAfter(t.getExpiresAt())) {
            throw new InspraakException("error.token.expired");
        }
        t.markUsed(now);
        return t;
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String like(String filter) {
        String f = filter == null
                ? ""
                : filter.trim()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "")
                        .replace("%", "")
                        .replace("_", "");
        return "%" + f + "%";
    }
}

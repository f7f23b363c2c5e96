package org.inspraak.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.inspraak.AfterTransaction;
import org.inspraak.InspraakException;
import org.inspraak.TextInput;
import org.inspraak.audit.AuditService;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Words that mean the same to residents ("bieb" and "bibliotheek"), kept by admins and applied when a query is
 * searched, so a change needs no re-index. A query that holds one term of a group also looks for the others.
 */
@Service
public class SynonymService {

    public static final int MAX_TERMS = 20;
    public static final int MAX_TERM = 60;
    public static final int MAX_TEXT = 500;
    private static final Pattern TERM = Pattern.compile("[\\p{L}\\p{N}]+(?:[ '\\-][\\p{L}\\p{N}]+)*");

    private final SearchSynonymRepository synonyms;
    private final AuditService audit;
    private final Clock clock;
    /** The groups, read once and kept for a minute (other nodes see an admin's change within that minute). */
    private final LoadingCache<Boolean, List<List<String>>> groups;

    SynonymService(SearchSynonymRepository synonyms, AuditService audit, Clock clock) {
        this.synonyms = synonyms;
        this.audit = audit;
        this.clock = clock;
        this.groups = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofMinutes(1))
                .build(k -> synonyms.findAllByOrderByTermsAsc().stream()
                        .map(s -> parse(s.getTerms()))
                        .toList());
    }

    public record Group(long id, List<String> terms) {}

    @Transactional(readOnly = true)
    public List<Group> list() {
        return synonyms.findAllByOrderByTermsAsc().stream()
                .map(s -> new Group(s.getId(), parse(s.getTerms())))
                .toList();
    }

    /** Adds a group (id null) or replaces one; the text is terms separated by commas. */
    @Transactional
    @Secured("ROLE_ADMIN")
    public long save(Long id, String text) {
        List<String> terms = validate(text);
        String stored = String.join(", ", terms);
        Instant now = Instant.now(clock);
        SearchSynonym s;
        if (id == null) {
            s = synonyms.save(new SearchSynonym(stored, now));
        } else {
            s = synonyms.findById(id).orElseThrow(() -> new InspraakException("error.not-found"));
            s.setTerms(stored, now);
        }
        audit.record("SYNONYMS_SAVED", "SEARCH_SYNONYM", s.getId(), stored);
        AfterTransaction.completion(groups::invalidateAll);
        return s.getId();
    }

    @Transactional
    @Secured("ROLE_ADMIN")
    public void delete(long id) {
        SearchSynonym s = synonyms.findById(id).orElseThrow(() -> new InspraakException("error.not-found"));
        synonyms.delete(s);
        audit.record("SYNONYMS_DELETED", "SEARCH_SYNONYM", id, s.getTerms());
        AfterTransaction.completion(groups::invalidateAll);
    }

    /**
     * The query with, for every group one of whose terms it holds as whole words, the group's other terms added as
     * alternatives (phrases in quotes). Search matches any of the words, so the additions widen, never narrow.
     */
    public String expand(String query) {
        String lower = " " + query.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}'\\-]+", " ") + " ";
        Set<String> added = new LinkedHashSet<>();
        for (List<String> group : groups.get(Boolean.TRUE)) {
            if (group.stream().anyMatch(t -> lower.contains(" " + t + " "))) {
                group.stream()
                        .filter(t -> !lower.contains(" " + t + " "))
                        .forEach(t -> added.add(t.contains(" ") ? "\"" + t + "\"" : t));
            }
        }
        return added.isEmpty() ? query : query + " " + String.join(" ", added);
    }

    static List<String> parse(String text) {
        List<String> terms = new ArrayList<>();
        for (String raw : text.split(",")) {
            String t = raw.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (!t.isEmpty() && !terms.contains(t)) {
                terms.add(t);
            }
        }
        return terms;
    }

    private static List<String> validate(String text) {
        if (text == null || text.isBlank()) {
            throw new InspraakException("error.synonym.too-few");
        }
        if (text.length() > MAX_TEXT) {
            throw new InspraakException("error.synonym.too-long", MAX_TEXT);
        }
        if (TextInput.isUnsafe(text)) {
            throw new InspraakException("error.text.control-characters");
        }
        List<String> terms = parse(text);
        if (terms.size() < 2) {
            throw new InspraakException("error.synonym.too-few");
        }
        if (terms.size() > MAX_TERMS) {
            throw new InspraakException("error.synonym.too-many", MAX_TERMS);
        }
        for (String t : terms) {
            if (t.length() > MAX_TERM || !TERM.matcher(t).matches()) {
                throw new InspraakException("error.synonym.term", t);
            }
        }
        return terms;
    }
}

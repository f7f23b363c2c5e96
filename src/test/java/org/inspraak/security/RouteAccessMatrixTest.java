package org.inspraak.security;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Vaadin route against an explicit table of who may open it. A new route without an entry here fails,
 * so nobody adds a page without deciding its audience.
 */
class RouteAccessMatrixTest {

    static final String ANON = "anonymous",
            RESIDENT = "resident",
            MODERATOR = "moderator",
            COUNCIL = "council",
            ADMIN = "admin";
    static final Set<String> EVERYONE = Set.of(ANON, RESIDENT, MODERATOR, COUNCIL, ADMIN);
    static final Set<String> SIGNED_IN = Set.of(RESIDENT, MODERATOR, COUNCIL, ADMIN);
    static final Set<String> STAFF = Set.of(MODERATOR, ADMIN);

    static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("", EVERYONE),
            Map.entry("gesprekken/:id(\\d{1,18})", EVERYONE),
            Map.entry("ideeen/:id(\\d{1,18})", EVERYONE),
            Map.entry("zoeken", EVERYONE),
            Map.entry("richtlijnen", EVERYONE),
            Map.entry("privacy", EVERYONE),
            Map.entry("login", EVERYONE),
            Map.entry("registreren", EVERYONE),
            Map.entry("bevestigen", EVERYONE),
            Map.entry("wachtwoord-vergeten", EVERYONE),
            Map.entry("wachtwoord-herstellen", EVERYONE),
            Map.entry("account", SIGNED_IN),
            Map.entry("meldingen", SIGNED_IN),
            Map.entry("moderatie", STAFF),
            Map.entry("vragen", STAFF),
            Map.entry("reactieschema", STAFF),
            Map.entry("beheer/audit", STAFF),
            Map.entry("beheer/gebruikers", Set.of(ADMIN)),
            Map.entry("beheer/gesprekken", Set.of(ADMIN)),
            Map.entry("beheer/mail", Set.of(ADMIN)),
            Map.entry("beheer/backup", Set.of(ADMIN)),
            Map.entry("beheer/inzichten", Set.of(ADMIN)),
            Map.entry("beheer/polis", Set.of(ADMIN)),
            Map.entry("beheer/zoekwoorden", Set.of(ADMIN)),
            Map.entry("gesprekken/:id(\\d{1,18})/begroting", EVERYONE),
            Map.entry("gesprekken/:id(\\d{1,18})/uitkomst", EVERYONE),
            Map.entry("gesprekken/:id(\\d{1,18})/uitkomst/bewerken", STAFF),
            Map.entry("afmelden/:token", EVERYONE),
            Map.entry("gesprekken/:id(\\d{1,18})/agenda", STAFF),
            Map.entry("gesprekken/:id(\\d{1,18})/evaluatie", Set.of(MODERATOR, COUNCIL, ADMIN)),
            Map.entry("gesprekken/:id(\\d{1,18})/inzichten", Set.of(MODERATOR, COUNCIL, ADMIN)),
            Map.entry("gesprekken/:id(\\d{1,18})/samenvatting", STAFF),
            Map.entry("raad", Set.of(MODERATOR, COUNCIL, ADMIN)),
            Map.entry("raad/samenvattingen/:id(\\d{1,18})", Set.of(MODERATOR, COUNCIL, ADMIN)));

    static final Map<String, String> ROLE_OF = Map.of(
            RESIDENT,
            Role.RESIDENT_NAME,
            MODERATOR,
            Role.MODERATOR_NAME,
            COUNCIL,
            Role.COUNCIL_MEMBER_NAME,
            ADMIN,
            Role.ADMIN_NAME);

    @Test
    void everyRouteHasExactlyTheExpectedAudience() {
        Map<String, Set<String>> actual = new TreeMap<>();
        try (ScanResult scan = new ClassGraph()
                .acceptPackages("org.inspraak")
                .enableClassInfo()
                .enableAnnotationInfo()
                .ignoreClassVisibility()
                .scan()) {
            for (Class<?> view :
                    scan.getClassesWithAnnotation(Route.class.getName()).loadClasses()) {
                actual.put(view.getAnnotation(Route.class).value(), audience(view));
            }
        }
        assertThat(actual.keySet())
                .as("routes without an entry in the expected table")
                .isSubsetOf(EXPECTED.keySet());
        assertThat(actual).isEqualTo(new TreeMap<>(EXPECTED));
    }

    /** Who passes Vaadin's deny-by-default annotation check for this view. */
    static Set<String> audience(Class<?> view) {
        if (view.isAnnotationPresent(DenyAll.class)) {
            return Set.of();
        }
        if (view.isAnnotationPresent(AnonymousAllowed.class)) {
            return EVERYONE;
        }
        if (view.isAnnotationPresent(PermitAll.class)) {
            return SIGNED_IN;
        }
        RolesAllowed roles = view.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            return Set.of(); // no annotation: Vaadin denies everyone
        }
        Set<String> allowed = Set.of(roles.value());
        return ROLE_OF.entrySet().stream()
                .filter(e -> allowed.contains(e.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}

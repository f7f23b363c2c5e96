package org.inspraak.neighbourhood;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.inspraak.AfterTransaction;
import org.inspraak.InspraakException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The municipality's neighbourhoods (wijken), used by consultations, ideas and residents' statistics. */
@Service
public class NeighbourhoodService {

    public record NeighbourhoodRef(long id, String name) {}

    private final NeighbourhoodRepository repository;

    NeighbourhoodService(NeighbourhoodRepository repository) {
        this.repository = repository;
    }

    /**
     * The neighbourhoods change a few times a year and every idea list and form asks for them (under load the
     * queries were 2 % of the server's work): kept for a while. The expiry bounds what another node of a cluster,
     * or a change outside this service, leaves stale.
     */
    private final Cache<Boolean, List<NeighbourhoodRef>> cache =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30)).build();

    /** By name. */
    @Transactional(readOnly = true)
    public List<NeighbourhoodRef> all() {
        return cache.get(
                Boolean.TRUE,
                k -> repository.findAllByOrderByName().stream()
                        .map(n -> new NeighbourhoodRef(n.getId(), n.getName()))
                        .toList());
    }

    @Transactional(readOnly = true)
    public Map<Long, String> names() {
        return all().stream().collect(Collectors.toMap(NeighbourhoodRef::id, NeighbourhoodRef::name));
    }

    @Transactional(readOnly = true)
    public boolean exists(long id) {
        return repository.existsById(id);
    }

    @Transactional
    @Secured("ROLE_ADMIN")
    public long create(String rawName) {
        return createUnchecked(rawName);
    }

    /** For seeding and imports that run without a signed-in admin. */
    @Transactional
    public long createUnchecked(String rawName) {
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty() || name.length() > 80) {
            throw new InspraakException("error.neighbourhood.name");
        }
        // Forgotten now and again once the change is over, so no reader keeps the list without it.
        cache.invalidateAll();
        AfterTransaction.completion(cache::invalidateAll);
        return repository
                .findByName(name)
                .map(Neighbourhood::getId)
                .orElseGet(() -> repository.save(new Neighbourhood(name)).getId());
    }
}

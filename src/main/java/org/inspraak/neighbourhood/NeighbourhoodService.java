package org.inspraak.neighbourhood;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    @Transactional(readOnly = true)
    public List<NeighbourhoodRef> all() {
        return repository.findAllByOrderByName().stream()
                .map(n -> new NeighbourhoodRef(n.getId(), n.getName()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Map<Long, String> names() {
        return repository.findAll().stream().collect(Collectors.toMap(Neighbourhood::getId, Neighbourhood::getName));
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
        return repository
                .findByName(name)
                .map(Neighbourhood::getId)
                .orElseGet(() -> repository.save(new Neighbourhood(name)).getId());
    }
}

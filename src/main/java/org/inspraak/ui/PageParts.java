package org.inspraak.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/** Builds the parts that modules contributed to a page's slot, in their order. */
// Spring's stereotype, named in full: Component here is Vaadin's.
@org.springframework.stereotype.Component
public class PageParts {

    private final ObjectProvider<PagePart<?>> parts;
    /**
     * The parts of each slot in their order, looked up once: they are singletons, and asking Spring for every part
     * bean on every page was a fortieth of the server's work under load.
     */
    private volatile @Nullable Map<PageSlot<?>, List<PagePart<?>>> bySlot;

    PageParts(ObjectProvider<PagePart<?>> parts) {
        this.parts = parts;
    }

    @SuppressWarnings("unchecked")
    public <T> List<Component> create(PageSlot<T> slot, T context) {
        Map<PageSlot<?>, List<PagePart<?>>> slots = bySlot;
        if (slots == null) {
            slots = parts.stream()
                    .sorted(Comparator.comparingInt(PagePart::order))
                    .collect(Collectors.groupingBy(PagePart::slot, Collectors.toUnmodifiableList()));
            bySlot = slots;
        }
        return slots.getOrDefault(slot, List.of()).stream()
                .map(p -> ((PagePart<T>) p).create(context))
                .flatMap(Optional::stream)
                .toList();
    }
}

package org.inspraak.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import org.springframework.beans.factory.ObjectProvider;

/** Builds the parts that modules contributed to a page's slot, in their order. */
// Spring's stereotype, named in full: Component here is Vaadin's.
@org.springframework.stereotype.Component
public class PageParts {

    private final ObjectProvider<PagePart<?>> parts;

    PageParts(ObjectProvider<PagePart<?>> parts) {
        this.parts = parts;
    }

    @SuppressWarnings("unchecked")
    public <T> List<Component> create(PageSlot<T> slot, T context) {
        return parts.stream()
                .filter(p -> p.slot().equals(slot))
                .sorted(Comparator.comparingInt(PagePart::order))
                .map(p -> ((PagePart<T>) p).create(context))
                .flatMap(Optional::stream)
                .toList();
    }
}

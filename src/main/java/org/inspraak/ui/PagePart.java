package org.inspraak.ui;

import java.util.Optional;
import java.util.function.Function;

import com.vaadin.flow.component.Component;

/** A part that a module adds to a slot of another module's page: a follow button on an idea, the reactions below it. */
public interface PagePart<T> {

    PageSlot<T> slot();

    /** Lower comes first within the slot. */
    int order();

    /** The part for this page, or empty when there is nothing to show here. Runs on the UI thread. */
    Optional<Component> create(T context);

    static <T> PagePart<T> of(PageSlot<T> slot, int order, Function<T, Optional<Component>> create) {
        return new PagePart<>() {
            @Override
            public PageSlot<T> slot() {
                return slot;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public Optional<Component> create(T context) {
                return create.apply(context);
            }
        };
    }
}

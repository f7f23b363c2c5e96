package org.inspraak.ui;

/**
 * A named place on a page where other modules add parts. The page's module declares its slots and what it tells
 * the parts ({@code T}); a higher module fills them with {@link PagePart} beans, so the page does not depend on it.
 */
public record PageSlot<T>(String name) {}

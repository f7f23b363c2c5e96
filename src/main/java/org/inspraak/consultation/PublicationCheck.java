package org.inspraak.consultation;

import java.util.List;

/**
 * A port for modules above this one to add to the checklist before a consultation is published (for example,
 * whether its participation goals are set). Implementations must not change anything.
 */
public interface PublicationCheck {

    List<CheckItem> checks(long consultationId);

    /** One line of the checklist: a message key (with its arguments) and whether it is in order. */
    record CheckItem(String key, boolean done) {}
}

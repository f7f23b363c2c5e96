package org.inspraak.idea.ui;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Location;

/**
 * Which idea a visitor opened from a consultation's list, so that coming back (Back, or the link to the
 * consultation) shows that idea's card again instead of the top of a long list. Kept per browser tab (UI), and
 * only for the step straight back: any other way to the list starts at its top.
 */
record ListReturn(long consultationId, long ideaId, boolean armed) {

    private static final Pattern IDEA = Pattern.compile("ideeen/(\\d+)");

    /** The list is left: remember the idea if it is the one being opened. */
    static void leavingList(UI ui, long consultationId, Location target) {
        Matcher m = IDEA.matcher(target.getPath());
        ComponentUtil.setData(
                ui,
                ListReturn.class,
                m.matches() ? new ListReturn(consultationId, Long.parseLong(m.group(1)), false) : null);
    }

    /** The idea is left: the mark holds only when the visitor goes straight back to that consultation. */
    static void leavingIdea(UI ui, long ideaId, Location target) {
        ListReturn mark = ComponentUtil.getData(ui, ListReturn.class);
        boolean back =
                mark != null && mark.ideaId == ideaId && target.getPath().equals("gesprekken/" + mark.consultationId);
        ComponentUtil.setData(ui, ListReturn.class, back ? new ListReturn(mark.consultationId, ideaId, true) : null);
    }

    /** The idea to show again on arriving at this consultation's list, used once. */
    static Optional<Long> take(UI ui, long consultationId) {
        ListReturn mark = ComponentUtil.getData(ui, ListReturn.class);
        ComponentUtil.setData(ui, ListReturn.class, null);
        return mark != null && mark.armed && mark.consultationId == consultationId
                ? Optional.of(mark.ideaId)
                : Optional.empty();
    }
}

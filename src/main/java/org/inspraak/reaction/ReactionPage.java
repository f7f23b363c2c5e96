package org.inspraak.reaction;

import org.inspraak.reaction.ReactionService.ReactionView;
import org.inspraak.ui.PageSlot;

/** The places in a reaction thread that other modules fill. */
public final class ReactionPage {

    /** Beside one reaction's reply and edit buttons (report it). */
    public static final PageSlot<ReactionView> ACTIONS = new PageSlot<>("reaction.actions");

    private ReactionPage() {}
}

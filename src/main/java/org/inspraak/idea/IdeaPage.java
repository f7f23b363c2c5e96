package org.inspraak.idea;

import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.ui.PageSlot;

/** The places on an idea's page that other modules fill. */
public final class IdeaPage {

    /** What the page tells its parts: the idea and its consultation, as the visitor may see them. */
    public record Context(IdeaSummary idea, ConsultationDetails consultation) {}

    /** Below the text: what a visitor can do with the idea (report it, follow it). */
    public static final PageSlot<Context> ACTIONS = new PageSlot<>("idea.actions");
    /** Where residents vote on the idea. */
    public static final PageSlot<Context> VOTES = new PageSlot<>("idea.votes");
    /** In the staff panel, after the status change: further moderation of the idea. */
    public static final PageSlot<Context> STAFF_TOOLS = new PageSlot<>("idea.staff-tools");
    /** Below the status timeline: the conversation about the idea. */
    public static final PageSlot<Context> DISCUSSION = new PageSlot<>("idea.discussion");

    private IdeaPage() {}
}

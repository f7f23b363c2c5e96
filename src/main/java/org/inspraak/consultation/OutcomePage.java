package org.inspraak.consultation;

import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.ui.PageSlot;

/** The places on a consultation's outcome page that other modules fill. */
public final class OutcomePage {

    /** What the consultation came to: key figures of who took part. */
    public static final PageSlot<ConsultationDetails> FIGURES = new PageSlot<>("outcome.figures");
    /** The decision on each idea, with reasons and the department responsible. */
    public static final PageSlot<ConsultationDetails> DECISIONS = new PageSlot<>("outcome.decisions");
    /** The ballot's results, once voting has closed. */
    public static final PageSlot<ConsultationDetails> BALLOT = new PageSlot<>("outcome.ballot");
    /** The summaries the council read. */
    public static final PageSlot<ConsultationDetails> SUMMARY = new PageSlot<>("outcome.summary");
    /** For staff writing the outcome: every idea with its decision so far, to decide on the rest. */
    public static final PageSlot<ConsultationDetails> DECISION_TOOLS = new PageSlot<>("outcome.decision-tools");

    private OutcomePage() {}
}

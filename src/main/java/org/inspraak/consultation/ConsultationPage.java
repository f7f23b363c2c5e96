package org.inspraak.consultation;

import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.ui.PageSlot;

/** The places on a consultation's page that other modules fill. */
public final class ConsultationPage {

    /** Beside the question: what a visitor can do with the whole consultation (follow it). */
    public static final PageSlot<ConsultationDetails> ACTIONS = new PageSlot<>("consultation.actions");
    /** Below the phases: what the municipality has said since the start. */
    public static final PageSlot<ConsultationDetails> UPDATES = new PageSlot<>("consultation.updates");
    /** The body of the page: the residents' ideas. */
    public static final PageSlot<ConsultationDetails> MAIN = new PageSlot<>("consultation.main");

    private ConsultationPage() {}
}

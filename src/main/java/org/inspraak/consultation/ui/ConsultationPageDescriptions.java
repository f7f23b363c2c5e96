package org.inspraak.consultation.ui;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.inspraak.Messages;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.OutcomeService;
import org.inspraak.ui.PageDescription;
import org.springframework.stereotype.Component;

/** Link previews of a consultation's pages: its question, or for the outcome the start of what was decided. */
@Component
class ConsultationPageDescriptions implements PageDescription.Source {

    private static final Pattern CONSULTATION = Pattern.compile("/gesprekken/(\\d{1,18})(/[a-z/]+)?");

    private final ConsultationService consultations;
    private final OutcomeService outcomes;
    private final Messages messages;

    ConsultationPageDescriptions(ConsultationService consultations, OutcomeService outcomes, Messages messages) {
        this.consultations = consultations;
        this.outcomes = outcomes;
        this.messages = messages;
    }

    @Override
    public Optional<PageDescription> describe(String path) {
        Matcher m = CONSULTATION.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        long id = Long.parseLong(m.group(1));
        return Optional.of(consultations
                .find(id)
                // A draft's title stays out of link previews until it is published.
                .filter(ConsultationService.ConsultationDetails::published)
                .map(c -> {
                    if ("/uitkomst".equals(m.group(2))) {
                        String title = messages.get(Messages.DUTCH, "outcome.title", c.title());
                        return outcomes.published(id)
                                .map(o -> PageDescription.of(title, PageDescription.excerpt(o.decisionText(), 200)))
                                .orElseGet(() -> PageDescription.of(
                                        title, messages.get(Messages.DUTCH, "outcome.link.pending")));
                    }
                    return PageDescription.of(c.title(), PageDescription.excerpt(c.question(), 200));
                })
                .orElseGet(PageDescription::missing));
    }
}

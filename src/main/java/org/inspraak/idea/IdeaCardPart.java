package org.inspraak.idea;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.ValueProvider;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.idea.IdeaService.IdeaSummary;
import tools.jackson.databind.node.ArrayNode;

/**
 * What another module adds to every idea card in a consultation's list (voting from the list), as Spring beans. The
 * cards are drawn in the browser from a Lit template and each card's values: as server-side components, the eight
 * cards in view held more than half of a resident's session on the consultation page (issue 18, heap per session).
 */
public interface IdeaCardPart {

    /** Lower comes first on the card. */
    int order();

    /** The part on the cards of one list, for the visitor on the page; empty when there is nothing to add. */
    Optional<Cards> on(CardList list);

    /**
     * A fragment of Lit HTML that reads a card's values as {@code item.name} and calls its functions by name, e.g.
     * {@code @click="${() => vote('AGREE')}"}; its fixed texts are escaped with {@code LitTemplates.text}. A function
     * receives the card's idea and the arguments as the browser sent them, which it must check.
     */
    record Cards(
            String template,
            Map<String, ValueProvider<IdeaSummary, ?>> values,
            Map<String, SerializableBiConsumer<IdeaSummary, ArrayNode>> functions) {}

    /** The list a part is on. */
    interface CardList {

        ConsultationDetails consultation();

        /** The list on the page: to follow events while it is open, and to tell the visitor what went wrong. */
        Component owner();

        /** The cards the browser holds now, as it was sent them last. */
        List<IdeaSummary> shown();

        /**
         * The ideas the list read last: those shown and those about to be drawn, so that a part can read what it
         * needs for a screenful of cards at once.
         */
        List<Long> fetched();

        /** Draws the card of this idea again with these figures, when the browser holds it. */
        void redraw(IdeaSummary idea);
    }
}

package org.inspraak.vote.ui;

import java.util.List;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.dom.Element;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.ui.Notices;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.jspecify.annotations.Nullable;

/** Eens / oneens / pas with the current figures; the pressed button shows the resident's own vote. */
public class VoteButtons extends Div {

    private final transient VoteService votes;
    private final transient Supplier<IdeaSummary> reload;
    private final long ideaId;
    private final Button agree = new Button();
    private final Button disagree = new Button();
    private final Button pass = new Button();
    /** The buttons' text nodes, changed in place (see {@link #label}). */
    private final Element agreeText = Element.createText("");

    private final Element disagreeText = Element.createText("");
    private final Element passText = Element.createText("");
    private final Span summary = new Span();
    /** What is on screen: agree, disagree, pass, and the resident's own choice. */
    private final int[] shown = new int[3];

    private VoteChoice mine;
    /** Set by the resident's own vote until the stored counts are seen to include it. */
    private boolean ownVoteUncounted;

    /**
     * @param shown the idea as the page just read it (reading it again for the buttons was one more query per page)
     * @param reload the idea as it is now, for {@link #refresh()}
     */
    public VoteButtons(
            VoteService votes, long ideaId, IdeaSummary shown, Supplier<IdeaSummary> reload, boolean canVote) {
        this.votes = votes;
        this.reload = reload;
        this.ideaId = ideaId;
        addClassName("vote-buttons");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-label", getTranslation("vote.group"));
        // The text node goes in before the icon, so the button is not styled as icon-only.
        agree.getElement().appendChild(agreeText);
        disagree.getElement().appendChild(disagreeText);
        pass.getElement().appendChild(passText);
        agree.setIcon(VaadinIcon.THUMBS_UP.create());
        disagree.setIcon(VaadinIcon.THUMBS_DOWN.create());
        pass.setIcon(VaadinIcon.MINUS.create());
        agree.setId("vote-agree");
        disagree.setId("vote-disagree");
        pass.setId("vote-pass");
        agree.addClickListener(e -> cast(VoteChoice.AGREE));
        disagree.addClickListener(e -> cast(VoteChoice.DISAGREE));
        pass.addClickListener(e -> cast(VoteChoice.PASS));
        List.of(agree, disagree, pass).forEach(b -> b.setEnabled(canVote));
        summary.addClassName("vote-summary");
        summary.setId("vote-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        add(agree, disagree, pass, summary);
        show(shown);
    }

    private void cast(VoteChoice choice) {
        VoteChoice before = mine;
        if (Notices.attempt(this, () -> votes.vote(ideaId, choice))) {
            // The stored counts follow within a fraction of a second (and a push then re-reads them);
            // meanwhile show the resident's own vote counted.
            if (before != choice) {
                if (before != null) {
                    shown[before.ordinal()] = Math.max(0, shown[before.ordinal()] - 1);
                }
                shown[choice.ordinal()]++;
            }
            mine = choice;
            ownVoteUncounted = true;
            render();
        }
    }

    /**
     * New counts from a recount (anyone's vote): shown as they come, without reading them again, unless the
     * resident's own vote may not be in them yet.
     */
    public void counted(IdeaService.StoredCounts counts) {
        if (ownVoteUncounted) {
            refresh();
            return;
        }
        if (shown[VoteChoice.AGREE.ordinal()] == counts.agree()
                && shown[VoteChoice.DISAGREE.ordinal()] == counts.disagree()
                && shown[VoteChoice.PASS.ordinal()] == counts.pass()) {
            return; // nothing to send to the browser
        }
        shown[VoteChoice.AGREE.ordinal()] = counts.agree();
        shown[VoteChoice.DISAGREE.ordinal()] = counts.disagree();
        shown[VoteChoice.PASS.ordinal()] = counts.pass();
        render();
    }

    /** Re-reads the figures, e.g. when another resident voted. */
    public void refresh() {
        show(reload.get());
    }

    private void show(@Nullable IdeaSummary idea) {
        if (idea == null) {
            return;
        }
        mine = votes.myVotes(List.of(ideaId)).get(ideaId);
        int a = idea.agree();
        int d = idea.disagree();
        int p = idea.pass();
        if (ownVoteUncounted) {
            // A recount may have run between two clicks of this resident and not hold the last one yet: then the
            // figures come from the votes themselves, so the page never shows its own vote undone.
            VoteService.Tally exact = votes.tally(ideaId);
            ownVoteUncounted = exact.agree() != a || exact.disagree() != d || exact.pass() != p;
            a = exact.agree();
            d = exact.disagree();
            p = exact.pass();
        }
        shown[VoteChoice.AGREE.ordinal()] = a;
        shown[VoteChoice.DISAGREE.ordinal()] = d;
        shown[VoteChoice.PASS.ordinal()] = p;
        render();
    }

    private void render() {
        int a = shown[VoteChoice.AGREE.ordinal()];
        int d = shown[VoteChoice.DISAGREE.ordinal()];
        int p = shown[VoteChoice.PASS.ordinal()];
        label(agree, agreeText, "vote.agree", a, mine == VoteChoice.AGREE);
        label(disagree, disagreeText, "vote.disagree", d, mine == VoteChoice.DISAGREE);
        label(pass, passText, "vote.pass", p, mine == VoteChoice.PASS);
        String text = a + d == 0
                ? getTranslation("vote.none-yet")
                : getTranslation("vote.share", Math.round(100.0 * a / (a + d)), a + d + p);
        if (!text.equals(summary.getText())) {
            summary.setText(text);
        }
    }

    /**
     * Changes only what differs, and the text in its own node: {@code Button.setText} removes and recreates the text
     * node, which the browser must redo, and searched the button's children each time; under load (every open list
     * following the counts) it was a twentieth of the server's work.
     */
    private void label(Button button, Element textNode, String key, int count, boolean pressed) {
        String text = getTranslation(key) + " · " + count;
        if (!text.equals(textNode.getText())) {
            textNode.setText(text);
        }
        button.getElement().setAttribute("aria-pressed", Boolean.toString(pressed));
        if (pressed != button.hasThemeName(ButtonVariant.LUMO_PRIMARY.getVariantName())) {
            if (pressed) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else {
                button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
        }
    }
}

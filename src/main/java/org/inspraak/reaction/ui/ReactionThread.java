package org.inspraak.reaction.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.inspraak.idea.IdeaService;
import org.inspraak.reaction.QuestionDesk;
import org.inspraak.reaction.ReactionPage;
import org.inspraak.reaction.ReactionService;
import org.inspraak.reaction.ReactionService.ReactionView;
import org.inspraak.security.CurrentUser;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.Formats;
import org.inspraak.ui.Live;
import org.inspraak.ui.Markdown;
import org.inspraak.ui.Notices;
import org.inspraak.ui.PageParts;
import org.inspraak.ui.StaticHtml;
import org.jsoup.nodes.Element;

/**
 * The reactions on one idea, threaded. Loads top-level reactions in pages with all their replies, so a
 * thread of 500 opens as fast as one of 20.
 */
public class ReactionThread extends VerticalLayout {

    static final int PAGE = 25;

    private final transient ReactionService reactions;
    private final long ideaId;
    private final boolean canReact;
    private final Div items = new Div();
    private final Button more = new Button();
    private final H2 heading = new H2();
    private int loadedPages = 1;

    private final transient PageParts parts;
    /** Null where no module keeps questions to the municipality. */
    private final transient QuestionDesk questionDesk;

    private final boolean staff;
    private Map<Long, QuestionDesk.QuestionInfo> questions = Map.of();

    /** What each shown reaction's element was built from. */
    private record Shown(ReactionView view, QuestionDesk.QuestionInfo question, Div item) {}

    private Map<Long, Shown> shown = Map.of();

    public ReactionThread(
            ReactionService reactions,
            QuestionDesk questionDesk,
            PageParts parts,
            CurrentUser currentUser,
            Live live,
            long ideaId,
            boolean open) {
        this.reactions = reactions;
        this.parts = parts;
        this.questionDesk = questionDesk;
        this.staff = currentUser.get().map(u -> u.isStaff()).orElse(false);
        this.ideaId = ideaId;
        this.canReact = open && currentUser.get().isPresent();
        setPadding(false);
        addClassName("reaction-thread");
        items.addClassName("reactions");
        items.setId("reactions");
        more.setText(getTranslation("reaction.more"));
        more.addClickListener(e -> {
            loadedPages++;
            render();
        });
        add(heading);
        if (canReact) {
            add(composer(null, () -> {}));
        } else if (open) {
            add(new Anchor("/login", getTranslation("reaction.login-to-react")));
        }
        add(items, more);
        render();
        live.subscribe(this, ReactionService.ReactionChanged.class, e -> e.ideaId() == ideaId, e -> render());
    }

    /**
     * Re-reads what is loaded; called after posting and when another resident reacted. Reactions that did not change
     * keep their element, so a reply or an edit someone is typing survives another resident's reaction, and the page
     * is sent only what changed (rebuilding every open thread for every reaction was a sixth of the node's work).
     */
    public void render() {
        List<ReactionView> list = reactions.thread(ideaId, 0, PAGE * loadedPages);
        questions = questionDesk == null
                ? Map.of()
                : questionDesk.questionsOn(list.stream().map(ReactionView::id).toList());
        long topLevel = reactions.countTopLevel(ideaId);
        String title = getTranslation("reaction.title", reactions.countVisible(ideaId));
        if (!title.equals(heading.getText())) {
            heading.setText(title);
        }
        Map<Long, Shown> next = new HashMap<>();
        List<Div> wanted = new ArrayList<>(list.size());
        for (ReactionView r : list) {
            QuestionDesk.QuestionInfo question = questions.get(r.id());
            Shown before = shown.get(r.id());
            Shown now = before != null && before.view().equals(r) && Objects.equals(before.question(), question)
                    ? before
                    : new Shown(r, question, item(r));
            next.put(r.id(), now);
            wanted.add(now.item());
        }
        // Take away what is gone or changed first, so what stays is already in reading order and only new
        // elements are inserted.
        Set<Div> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(wanted);
        items.getChildren().filter(c -> !keep.contains(c)).toList().forEach(items::remove);
        for (int i = 0; i < wanted.size(); i++) {
            Div w = wanted.get(i);
            if (i >= items.getComponentCount() || items.getComponentAt(i) != w) {
                items.addComponentAtIndex(i, w);
            }
        }
        shown = next;
        more.setVisible(topLevel > (long) PAGE * loadedPages);
    }

    private Div item(ReactionView r) {
        Div item = new Div();
        item.addClassName("reaction");
        item.addClassName("depth-" + r.depth());
        item.getElement().setAttribute("data-reaction-id", Long.toString(r.id()));
        // Name, badges and date never change while shown: one node (see StaticHtml).
        Element meta = StaticHtml.element("div", "meta");
        StaticHtml.text(meta, "span", r.authorName(), "author");
        if (r.official()) {
            meta.appendElement("span").attr("theme", "badge primary").text(getTranslation("reaction.official"));
            item.addClassName("official");
        }
        QuestionDesk.QuestionInfo question = questions.get(r.id());
        if (question != null) {
            meta.appendElement("span")
                    .attr("theme", question.answered() ? "badge success" : "badge")
                    .text(
                            question.answered()
                                    ? getTranslation("webcare.badge.answered")
                                    : getTranslation(
                                            "webcare.badge.open", Formats.date(question.dueOn(), getLocale())));
        }
        StaticHtml.text(
                meta,
                "span",
                Formats.dateTime(r.createdAt(), getLocale())
                        + (r.edited() ? " · " + getTranslation("reaction.edited") : ""),
                "muted");
        item.add(StaticHtml.of(meta));
        if (r.deleted()) {
            item.add(stub(getTranslation("reaction.deleted")));
        } else if (r.hidden()) {
            item.add(stub(
                    IdeaService.PENDING.equals(r.hiddenReason())
                            ? getTranslation("moderation.stub.awaiting")
                            : IdeaService.AUTO_HIDDEN.equals(r.hiddenReason())
                                    ? getTranslation("moderation.stub.pending")
                                    : getTranslation("moderation.stub.hidden", r.hiddenReason())));
        } else {
            item.add(StaticHtml.safe("div", "body", Markdown.userHtml(r.body())));
            if (IdeaService.PENDING.equals(r.hiddenReason())) {
                Span waiting = new Span(getTranslation("moderation.own-awaiting"));
                waiting.addClassName("muted");
                item.add(waiting);
            }
            if (r.moderatorEdited()) {
                Span mark = new Span(getTranslation("moderation.edited-mark"));
                mark.addClassName("muted");
                item.add(mark);
            }
        }
        Div actions = new Div();
        actions.addClassName("actions");
        if (canReact && !r.deleted() && !r.hidden()) {
            Button reply = new Button(getTranslation("reaction.reply"));
            reply.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            reply.addClickListener(e -> {
                reply.setEnabled(false);
                Div[] composer = new Div[1];
                // The reply shows below; the form closes, as it did when the whole thread was drawn again.
                composer[0] = composer(r.id(), () -> {
                    item.remove(composer[0]);
                    reply.setEnabled(true);
                });
                item.add(composer[0]);
            });
            actions.add(reply);
        }
        parts.create(ReactionPage.ACTIONS, r).forEach(actions::add);
        if (r.editable()) {
            Button edit = new Button(getTranslation("reaction.edit"));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            edit.addClickListener(e -> {
                edit.setEnabled(false);
                Div[] editor = new Div[1];
                editor[0] = editor(r, () -> {
                    item.remove(editor[0]);
                    edit.setEnabled(true);
                });
                item.add(editor[0]);
            });
            actions.add(edit);
            Button delete = new Button(getTranslation("reaction.delete"));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            delete.addClickListener(e -> {
                if (Notices.attempt(this, () -> reactions.deleteOwn(r.id()))) {
                    render();
                }
            });
            actions.add(delete);
        }
        item.add(actions);
        return item;
    }

    private static Paragraph stub(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("stub");
        return p;
    }

    private Div editor(ReactionView r, Runnable saved) {
        TextArea text = new TextArea(getTranslation("reaction.edit"));
        text.setMaxLength(ReactionService.MAX_BODY);
        text.setWidthFull();
        text.setValue(r.body());
        FormMessage message = new FormMessage();
        Button save = new Button(getTranslation("action.save"), e -> {
            if (message.attempt(() -> reactions.edit(r.id(), text.getValue()))) {
                render();
                saved.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div editor = new Div(text, save, message);
        editor.addClassName("composer");
        return editor;
    }

    private Div composer(Long parentId, Runnable posted) {
        TextArea text = new TextArea(getTranslation(parentId == null ? "reaction.new" : "reaction.reply-label"));
        text.setMaxLength(ReactionService.MAX_BODY);
        text.setWidthFull();
        text.setHelperText(getTranslation("reaction.help"));
        text.setId(parentId == null ? "reaction-text" : "reply-text-" + parentId);
        FormMessage message = new FormMessage();
        Checkbox asQuestion =
                new Checkbox(getTranslation("webcare.ask", questionDesk == null ? 0 : questionDesk.serviceLevelDays()));
        asQuestion.setId(parentId == null ? "reaction-as-question" : "reply-as-question-" + parentId);
        asQuestion.setVisible(parentId == null && !staff && questionDesk != null);
        Button post = new Button(getTranslation("reaction.post"));
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        post.setId(parentId == null ? "reaction-post" : "reply-post-" + parentId);
        post.addClickListener(e -> {
            long[] id = new long[1];
            if (message.attempt(
                    () -> id[0] = reactions.post(ideaId, parentId, text.getValue(), asQuestion.getValue()))) {
                text.clear();
                render();
                posted.run();
                QuestionDesk.QuestionInfo q = questionDesk == null
                        ? null
                        : questionDesk.questionsOn(List.of(id[0])).get(id[0]);
                if (q != null) {
                    // Acknowledge at once, with the date the municipality promises an answer by.
                    message.success(getTranslation("webcare.acknowledged", Formats.date(q.dueOn(), getLocale())));
                    asQuestion.setValue(false);
                }
            }
        });
        Div composer = new Div(text, asQuestion, post, message);
        composer.addClassName("composer");
        return composer;
    }
}

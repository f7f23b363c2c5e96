package org.inspraak.budget.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.inspraak.InspraakException;
import org.inspraak.budget.BudgetService;
import org.inspraak.budget.BudgetService.Check;
import org.inspraak.budget.BudgetService.Setup;
import org.inspraak.consultation.BudgetKind;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.Phase;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;
import org.inspraak.ui.Amounts;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.Formats;

/**
 * The budget ballot of a consultation. Residents tick ideas; the running total, a progress bar and a plain
 * message show at once whether the package reaches the savings target or stays within the budget. The server
 * checks the package again when it is saved.
 */
@Route("gesprekken/:id(\\d{1,18})/begroting")
@AnonymousAllowed
class BallotView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient BudgetService budget;
    private final transient ConsultationService consultations;
    private final transient CurrentUser currentUser;
    private final Set<Long> chosen = new LinkedHashSet<>();
    private final Span total = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph status = new Paragraph();
    private final FormMessage message = new FormMessage();
    private Setup setup;
    private String title = "";

    BallotView(BudgetService budget, ConsultationService consultations, CurrentUser currentUser) {
        this.budget = budget;
        this.consultations = consultations;
        this.currentUser = currentUser;
        addClassName("page");
        addClassName("ballot");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        ConsultationService.ConsultationDetails c =
                consultations.findVisible(id).orElseThrow(NotFoundException::new);
        if (c.budgetKind() == null) {
            throw new NotFoundException();
        }
        title = getTranslation("ballot.title", c.title());
        build(id);
    }

    private void build(long id) {
        removeAll();
        setup = budget.setup(id);
        chosen.clear();
        chosen.addAll(budget.myBallot(id));
        String kind = setup.kind() == BudgetKind.SAVINGS_TARGET ? "cuts" : "spending";
        add(
                new H1(title),
                new Paragraph(getTranslation("ballot.explain." + kind, Formats.euros(setup.target(), getLocale()))));
        if (!setup.themeLimits().isEmpty()) {
            List<String> limits = new ArrayList<>();
            setup.themeLimits().forEach((t, max) -> limits.add(t + ": " + Formats.euros(max, getLocale())));
            add(new Paragraph(getTranslation("ballot.theme-limits", String.join(", ", limits))));
        }
        boolean canVote = setup.open() && currentUser.has(Role.RESIDENT);
        if (!setup.open()) {
            add(new Paragraph(getTranslation("ballot.not-open")));
        } else if (currentUser.get().isEmpty()) {
            add(new Paragraph(new Anchor("login", getTranslation("ballot.login"))));
        }
        Div list = new Div();
        list.addClassName("ballot-items");
        for (BudgetService.Item item : setup.items()) {
            Checkbox box = new Checkbox(item.title() + " — " + Formats.euros(item.amountEuros(), getLocale()));
            box.setId("ballot-item-" + item.id());
            box.setValue(chosen.contains(item.id()));
            box.setEnabled(canVote);
            box.addValueChangeListener(e -> {
                if (e.getValue()) {
                    chosen.add(item.id());
                } else {
                    chosen.remove(item.id());
                }
                refresh();
            });
            Div row = new Div(box);
            row.addClassName("ballot-item");
            if (item.corrected()) {
                Span note = new Span(
                        item.ideaEstimate() == null
                                ? getTranslation("ballot.estimated")
                                : getTranslation("ballot.corrected", Formats.euros(item.ideaEstimate(), getLocale())));
                note.addClassName("ballot-corrected");
                row.add(note);
            }
            row.add(new Anchor("ideeen/" + item.ideaId(), getTranslation("ballot.read-idea")));
            list.add(row);
        }
        if (setup.items().isEmpty()) {
            list.add(new Paragraph(getTranslation("ballot.empty-list")));
        }
        add(list);

        Div bar = new Div();
        bar.addClassName("ballot-bar");
        total.setId("ballot-total");
        status.setId("ballot-status");
        status.getElement().setAttribute("aria-live", "polite");
        progress.getElement().setAttribute("aria-labelledby", "ballot-total");
        Button save = new Button(getTranslation("ballot.save"), e -> save());
        save.setId("ballot-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(canVote);
        bar.add(total, progress, status, save, message);
        add(bar);
        refresh();

        if (currentUser.has(Role.ADMIN)) {
            add(adminPanel(id));
        }
        if (currentUser.has(Role.MODERATOR)
                || currentUser.has(Role.ADMIN)
                || currentUser.has(Role.COUNCIL_MEMBER)
                || setup.phase().ordinal() > Phase.VOTING.ordinal()) {
            add(BallotResults.of(this, budget, id));
        }
    }

    private void refresh() {
        Check check = budget.check(setup, chosen);
        long sum = setup.items().stream()
                .filter(i -> chosen.contains(i.id()))
                .mapToLong(BudgetService.Item::amountEuros)
                .sum();
        total.setText(getTranslation(
                "ballot.total", Formats.euros(sum, getLocale()), Formats.euros(setup.target(), getLocale())));
        double ratio = setup.target() == 0 ? 0 : Math.min(1.0, (double) sum / setup.target());
        progress.setValue(ratio);
        progress.getElement().getThemeList().remove("error");
        progress.getElement().getThemeList().remove("success");
        if (check.valid()) {
            progress.getElement().getThemeList().add("success");
        } else if (sum > setup.target()) {
            progress.getElement().getThemeList().add("error");
        }
        status.setText(
                check.valid()
                        ? getTranslation("ballot.valid")
                        : getTranslation(check.problem(), formatArgs(check.args())));
    }

    private Object[] formatArgs(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Long l) {
                out[i] = Formats.euros(l, getLocale());
            }
        }
        return out;
    }

    private void save() {
        message.clear();
        try {
            budget.cast(setup.consultationId(), new ArrayList<>(chosen));
            message.success(getTranslation("ballot.saved"));
        } catch (InspraakException e) {
            message.error(getTranslation(e.key(), formatArgs(e.args())));
        }
    }

    private Div adminPanel(long id) {
        Div d = new Div(new H2(getTranslation("ballot.admin")));
        d.addClassName("ballot-admin");
        if (setup.locked()) {
            d.add(new Paragraph(getTranslation("ballot.admin.locked")));
            return d;
        }
        Map<Long, String> candidates = budget.candidateIdeas(id);
        ComboBox<Long> idea = new ComboBox<>(getTranslation("ballot.admin.idea"));
        idea.setItems(candidates.keySet());
        idea.setItemLabelGenerator(k -> candidates.get(k) + " (" + k + ")");
        idea.setWidth("24em");
        IntegerField amount = new IntegerField(getTranslation("ballot.admin.amount"));
        amount.setMin(1);
        FormMessage result = new FormMessage();
        Button add = new Button(getTranslation("ballot.admin.add"), e -> {
            if (idea.getValue() == null || amount.getValue() == null) {
                result.error(getTranslation("ballot.admin.incomplete"));
                return;
            }
            if (result.attempt(() -> budget.setItem(id, idea.getValue(), Amounts.wholeEuros(amount.getValue())))) {
                build(id);
            }
        });
        HorizontalLayout form = new HorizontalLayout(idea, amount, add);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        d.add(form, result);
        for (BudgetService.Item item : setup.items()) {
            Button remove = new Button(getTranslation("ballot.admin.remove", item.title()), e -> {
                budget.removeItem(id, item.ideaId());
                build(id);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            d.add(remove);
        }
        ComboBox<ConsultationService.ThemeRef> theme = new ComboBox<>(getTranslation("ballot.admin.limit-theme"));
        theme.setItems(consultations.themes(id));
        theme.setItemLabelGenerator(ConsultationService.ThemeRef::name);
        IntegerField max = new IntegerField(getTranslation("ballot.admin.limit-max"));
        FormMessage limitResult = new FormMessage();
        Button setLimit = new Button(getTranslation("ballot.admin.limit-set"), e -> {
            if (theme.getValue() == null) {
                limitResult.error(getTranslation("ballot.admin.incomplete"));
                return;
            }
            if (limitResult.attempt(
                    () -> budget.setThemeLimit(id, theme.getValue().id(), Amounts.wholeEuros(max.getValue())))) {
                build(id);
            }
        });
        HorizontalLayout limits = new HorizontalLayout(theme, max, setLimit);
        limits.setAlignItems(Alignment.BASELINE);
        limits.setWrap(true);
        d.add(limits, limitResult);
        return d;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

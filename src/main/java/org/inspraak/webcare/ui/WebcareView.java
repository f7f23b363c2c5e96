package org.inspraak.webcare.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.account.AccountService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.Formats;
import org.inspraak.webcare.WebcareService;
import org.inspraak.webcare.WebcareService.DepartmentRef;
import org.inspraak.webcare.WebcareService.QuestionRow;

/** Questions to the municipality: route them to a department and answer them officially, on time. */
@Route("vragen")
@RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
class WebcareView extends VerticalLayout implements HasDynamicTitle {

    private final transient WebcareService webcare;
    private final Grid<QuestionRow> grid = new Grid<>();
    private final Checkbox openOnly = new Checkbox();
    private final Select<DepartmentRef> department = new Select<>();
    private final Paragraph counts = new Paragraph();

    WebcareView(WebcareService webcare, AccountService accounts, CurrentUser currentUser) {
        this.webcare = webcare;
        addClassNames("page", "wide-page");
        setSizeFull();
        openOnly.setLabel(getTranslation("webcare.open-only"));
        openOnly.setValue(true);
        department.setLabel(getTranslation("webcare.department"));
        department.setEmptySelectionAllowed(true);
        department.setEmptySelectionCaption(getTranslation("webcare.all-departments"));
        department.setItemLabelGenerator(d -> d == null ? getTranslation("webcare.all-departments") : d.name());
        List<DepartmentRef> all = webcare.departments();
        department.setItems(all);
        webcare.myDepartment()
                .flatMap(id -> all.stream().filter(d -> d.id() == id).findFirst())
                .ifPresent(department::setValue);
        openOnly.addValueChangeListener(e -> refresh());
        department.addValueChangeListener(e -> refresh());

        grid.addColumn(q -> Formats.date(q.dueOn(), getLocale()))
                .setHeader(getTranslation("webcare.due"))
                .setAutoWidth(true);
        grid.addColumn(QuestionRow::text)
                .setHeader(getTranslation("webcare.question"))
                .setFlexGrow(4);
        grid.addComponentColumn(q -> new Anchor("/ideeen/" + q.ideaId(), q.ideaTitle()))
                .setHeader(getTranslation("webcare.idea"))
                .setFlexGrow(2);
        grid.addColumn(QuestionRow::authorName)
                .setHeader(getTranslation("webcare.author"))
                .setAutoWidth(true);
        grid.addColumn(q -> q.departmentName() == null ? getTranslation("webcare.unrouted") : q.departmentName())
                .setHeader(getTranslation("webcare.department"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setKey("actions");
        grid.setPartNameGenerator(q -> q.overdue() ? "overdue" : null);
        grid.setId("webcare-grid");
        // The whole question, wrapped: a moderator should not have to open a dialog to read it.
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);

        add(
                new H1(getTranslation("webcare.title")),
                counts,
                new HorizontalLayout(openOnly, department) {
                    {
                        setAlignItems(Alignment.BASELINE);
                        setWrap(true);
                    }
                },
                grid);
        expand(grid);
        if (currentUser.has(Role.ADMIN)) {
            add(departmentsAdmin(accounts));
        }
        refresh();
    }

    private void refresh() {
        Long dep = department.getValue() == null ? null : department.getValue().id();
        grid.setItems(q -> webcare.list(openOnly.getValue(), dep, q.getOffset(), q.getLimit()).stream(), q ->
                (int) webcare.count(openOnly.getValue(), dep));
        long overdue = webcare.overdueCount();
        counts.setText(getTranslation("webcare.counts", webcare.count(true, null), overdue));
        counts.setClassName("form-message " + (overdue > 0 ? "error" : "success"));
        counts.setId("webcare-counts");
    }

    private HorizontalLayout actions(QuestionRow q) {
        HorizontalLayout box = new HorizontalLayout();
        if (q.answered()) {
            Span done = new Span(getTranslation("webcare.badge.answered"));
            done.getElement().getThemeList().add("badge success");
            box.add(done);
            return box;
        }
        Button route = new Button(getTranslation("webcare.route"), e -> routeDialog(q));
        route.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button answer = new Button(getTranslation("webcare.answer"), e -> answerDialog(q));
        answer.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        answer.setId("answer-" + q.id());
        box.add(route, answer);
        return box;
    }

    private void routeDialog(QuestionRow q) {
        Dialog dialog = new Dialog(getTranslation("webcare.route"));
        ComboBox<DepartmentRef> to = new ComboBox<>(getTranslation("webcare.department"));
        to.setItems(webcare.departments());
        to.setItemLabelGenerator(DepartmentRef::name);
        FormMessage m = new FormMessage();
        Button save = new Button(getTranslation("webcare.route"), e -> {
            if (to.getValue() == null) {
                m.error(getTranslation("webcare.choose-department"));
            } else if (m.attempt(() -> webcare.route(q.id(), to.getValue().id()))) {
                dialog.close();
                refresh();
            }
        });
        dialog.add(new VerticalLayout(to, m));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void answerDialog(QuestionRow q) {
        Dialog dialog = new Dialog(getTranslation("webcare.answer"));
        dialog.setWidth("min(40rem, 100vw)");
        TextArea text = new TextArea(getTranslation("webcare.answer.text"));
        text.setWidthFull();
        text.setMaxLength(5000);
        text.setId("answer-text");
        FormMessage m = new FormMessage();
        Button save = new Button(getTranslation("webcare.answer.send"), e -> {
            if (m.attempt(() -> webcare.answer(q.id(), text.getValue()))) {
                dialog.close();
                refresh();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("answer-send");
        WebcareService.QuestionContext ctx = webcare.context(q.id());
        Div context = new Div();
        context.addClassName("moderation-context");
        Paragraph idea = new Paragraph(getTranslation("moderation.context.idea") + " ");
        idea.add(new Anchor("/ideeen/" + ctx.ideaId(), ctx.ideaTitle()));
        Paragraph ideaText = new Paragraph(ctx.ideaText());
        ideaText.addClassName("moderation-excerpt");
        context.add(idea, ideaText);
        if (!ctx.thread().isEmpty()) {
            Div thread = new Div(new Paragraph(getTranslation("moderation.context.thread")));
            thread.addClassName("moderation-thread");
            ctx.thread().forEach(line -> thread.add(new Paragraph(line.authorName() + ": " + line.body())));
            context.add(thread);
        }
        Div question = new Div(q.authorName() + ": " + q.text());
        question.addClassName("moderation-text");
        question.setId("answer-question");
        context.add(question);
        dialog.add(new VerticalLayout(context, text, m));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private Details departmentsAdmin(AccountService accounts) {
        TextField name = new TextField(getTranslation("webcare.department.new"));
        name.setMaxLength(80);
        FormMessage m = new FormMessage();
        Button create = new Button(getTranslation("webcare.department.create"), e -> {
            if (m.attempt(() -> webcare.createDepartment(name.getValue()))) {
                name.clear();
                department.setItems(webcare.departments());
                m.success(getTranslation("moderation.done"));
            }
        });
        ComboBox<DepartmentRef> dep = new ComboBox<>(getTranslation("webcare.department"));
        dep.setItems(q -> webcare.departments().stream().skip(q.getOffset()).limit(q.getLimit()));
        dep.setItemLabelGenerator(DepartmentRef::name);
        ComboBox<AccountService.AccountRow> staff = new ComboBox<>(getTranslation("webcare.staff-member"));
        staff.setItems(q -> accounts.findAccounts(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream()
                .filter(a -> a.roles().stream().anyMatch(Role::isStaff)));
        staff.setItemLabelGenerator(AccountService.AccountRow::displayName);
        Button add = new Button(getTranslation("webcare.member.add"), e -> {
            if (dep.getValue() != null
                    && staff.getValue() != null
                    && m.attempt(() -> webcare.setMember(
                            dep.getValue().id(), staff.getValue().id(), true))) {
                m.success(getTranslation("moderation.done"));
            }
        });
        VerticalLayout box = new VerticalLayout(
                new HorizontalLayout(name, create) {
                    {
                        setAlignItems(Alignment.BASELINE);
                    }
                },
                new HorizontalLayout(dep, staff, add) {
                    {
                        setAlignItems(Alignment.BASELINE);
                        setWrap(true);
                    }
                },
                m);
        return new Details(getTranslation("webcare.departments"), box);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("webcare.title");
    }
}

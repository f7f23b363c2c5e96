package org.inspraak.insight.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.InspraakException;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.insight.InsightService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;

/**
 * A consultation's insights for staff and council members: computed in the background with a progress bar
 * (pushed from the server), then shown as figures and lists that link to the ideas.
 */
@Route("gesprekken/:id(\\d{1,18})/inzichten")
@RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME, Role.COUNCIL_MEMBER_NAME})
class InsightsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ConsultationService consultations;
    private final transient InsightService insights;
    private final transient CurrentUser currentUser;
    private final Div body = new Div();
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Paragraph status = new Paragraph();
    private long consultationId;
    private String title = "";

    InsightsView(ConsultationService consultations, InsightService insights, CurrentUser currentUser) {
        this.consultations = consultations;
        this.insights = insights;
        this.currentUser = currentUser;
        addClassName("page");
        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", getTranslation("insight.progress"));
        status.getElement().setAttribute("role", "status");
        body.setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        consultationId = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        ConsultationService.ConsultationDetails c =
                consultations.find(consultationId).orElseThrow(NotFoundException::new);
        title = getTranslation("insight.title", c.title());
        removeAll();
        Button refresh = new Button(getTranslation("insight.refresh"), e -> start());
        refresh.addClassName("refresh-insights");
        add(new H1(title), refresh, progress, status, body);
        insights.latest(consultationId).ifPresent(this::show);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (insights.isStale(consultationId)) {
            start();
        }
    }

    private void start() {
        UI ui = UI.getCurrent();
        progress.setVisible(true);
        progress.setValue(0);
        status.setText(getTranslation("insight.computing"));
        insights.refresh(consultationId, p -> ui.access(() -> progress.setValue(p)))
                .whenComplete((result, error) -> ui.access(() -> {
                    progress.setVisible(false);
                    if (error != null) {
                        status.setText(getTranslation("insight.failed"));
                    } else {
                        status.setText(getTranslation("insight.done"));
                        show(result);
                    }
                }));
    }

    private void show(InsightService.Insights in) {
        body.removeAll();
        boolean staff = currentUser.has(Role.MODERATOR) || currentUser.has(Role.ADMIN);
        body.add(InsightPanels.all(
                this, in, currentUser.get().map(u -> u.id()).orElse(null), staff ? new Editing(in) : null));
    }

    /** Moderators name a theme as a person would, or merge it into another; the themes are then recomputed. */
    private final class Editing implements InsightPanels.ThemeEditing {
        private final InsightService.Insights in;

        Editing(InsightService.Insights in) {
            this.in = in;
        }

        @Override
        public void rename(InsightService.ThemeInsight theme) {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle(getTranslation("insight.theme.rename"));
            dialog.setWidth("min(30rem, 95vw)");
            TextField name = new TextField(getTranslation("insight.theme.name"));
            name.setId("theme-name");
            name.setValue(theme.label());
            name.setMaxLength(80);
            name.setWidthFull();
            name.setHelperText(getTranslation("insight.theme.proposed", theme.proposed()));
            Button save = new Button(getTranslation("action.save"), e -> {
                try {
                    insights.nameTheme(consultationId, theme.anchorIdeaId(), name.getValue());
                    dialog.close();
                    start();
                } catch (InspraakException ex) {
                    name.setInvalid(true);
                    name.setErrorMessage(getTranslation(ex.key(), ex.args()));
                }
            });
            save.setId("theme-name-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.add(name);
            dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
            dialog.open();
        }

        @Override
        public void merge(InsightService.ThemeInsight theme) {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle(getTranslation("insight.theme.merge"));
            dialog.setWidth("min(30rem, 95vw)");
            Select<InsightService.ThemeInsight> into = new Select<>();
            into.setId("theme-merge-into");
            into.setLabel(getTranslation("insight.theme.merge-into"));
            into.setItems(in.themes().stream()
                    .filter(t -> t.anchorIdeaId() != theme.anchorIdeaId())
                    .toList());
            into.setItemLabelGenerator(t -> getTranslation("insight.themes.label", t.label(), t.ideas()));
            into.setHelperText(getTranslation("insight.theme.merge-help", theme.label()));
            into.setWidthFull();
            Button merge = new Button(getTranslation("insight.theme.merge-do"), e -> {
                if (into.getValue() == null) {
                    into.setInvalid(true);
                    into.setErrorMessage(getTranslation("error.theme.merge-self"));
                    return;
                }
                insights.mergeThemes(
                        consultationId, theme.anchorIdeaId(), into.getValue().anchorIdeaId());
                dialog.close();
                start();
            });
            merge.setId("theme-merge-save");
            merge.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.add(into);
            dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), merge);
            dialog.open();
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

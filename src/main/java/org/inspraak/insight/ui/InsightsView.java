package org.inspraak.insight.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
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
        body.add(InsightPanels.all(this, in, currentUser.get().map(u -> u.id()).orElse(null)));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

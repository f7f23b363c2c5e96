package org.inspraak.moderation.ui;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.inspraak.moderation.ModerationService;
import org.inspraak.security.InspraakUser;
import org.inspraak.ui.Live;
import org.inspraak.ui.NavigationExtensions;
import org.inspraak.webcare.WebcareService;
import org.springframework.stereotype.Component;

/** Moderators' navigation: the queue with its live pending count, and the audit log; guidelines for all. */
@Component
class ModerationNavigation implements NavigationExtensions.Contributor {

    private final ModerationService moderation;
    private final Live live;
    private final WebcareService webcare;

    ModerationNavigation(ModerationService moderation, Live live, WebcareService webcare) {
        this.moderation = moderation;
        this.live = live;
        this.webcare = webcare;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<SideNavItem> items(InspraakUser user) {
        UI ui = UI.getCurrent();
        SideNavItem guidelines =
                new SideNavItem(ui.getTranslation("guidelines.title"), "/richtlijnen", VaadinIcon.INFO_CIRCLE.create());
        if (user == null || !user.isStaff()) {
            return List.of(guidelines);
        }
        SideNavItem queue =
                new SideNavItem(ui.getTranslation("moderation.title"), "/moderatie", VaadinIcon.FLAG.create());
        Span count = new Span();
        count.getElement().getThemeList().add("badge error pill small");
        count.setId("moderation-count");
        Runnable refresh = () -> {
            long pending = moderation.pendingCount();
            count.setText(Long.toString(pending));
            count.setVisible(pending > 0);
            count.getElement().setAttribute("aria-label", ui.getTranslation("moderation.pending", pending));
        };
        refresh.run();
        queue.setSuffixComponent(count);
        live.subscribe(count, ModerationService.QueueChanged.class, e -> refresh.run());
        SideNavItem questions =
                new SideNavItem(ui.getTranslation("webcare.title"), "/vragen", VaadinIcon.QUESTION_CIRCLE_O.create());
        long overdue = webcare.overdueCount();
        if (overdue > 0) {
            Span late = new Span(Long.toString(overdue));
            late.getElement().getThemeList().add("badge error pill small");
            late.getElement().setAttribute("aria-label", ui.getTranslation("webcare.overdue", overdue));
            questions.setSuffixComponent(late);
        }
        SideNavItem scheme =
                new SideNavItem(ui.getTranslation("scheme.title"), "/reactieschema", VaadinIcon.TABLE.create());
        SideNavItem audit =
                new SideNavItem(ui.getTranslation("audit.title"), "/beheer/audit", VaadinIcon.RECORDS.create());
        return List.of(queue, questions, scheme, audit, guidelines);
    }
}

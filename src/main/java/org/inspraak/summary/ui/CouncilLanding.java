package org.inspraak.summary.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;
import org.springframework.stereotype.Component;

/**
 * A council member who signs in lands in the reading room, where what is new waits, instead of on the residents'
 * home page. Once per session: the home page stays one click away.
 */
@Component
class CouncilLanding implements VaadinServiceInitListener {

    private static final String LANDED = "inspraak.council-landed";

    private final CurrentUser currentUser;

    CouncilLanding(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(e -> {
                    VaadinSession session = VaadinSession.getCurrent();
                    if (e.getLocation().getPath().isEmpty()
                            && session != null
                            && session.getAttribute(LANDED) == null
                            && currentUser.has(Role.COUNCIL_MEMBER)
                            && !currentUser.has(Role.MODERATOR)
                            && !currentUser.has(Role.ADMIN)) {
                        session.setAttribute(LANDED, Boolean.TRUE);
                        e.forwardTo(CouncilView.class);
                    }
                }));
    }
}

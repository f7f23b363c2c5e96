package org.inspraak.account.ui;

import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.inspraak.account.AccountService;
import org.inspraak.account.AccountService.Unsubscribed;
import org.inspraak.account.EmailPreference;
import org.inspraak.ui.FormMessage;

/**
 * The unsubscribe link in every notification mail: one click turns the mail off. The change happens when the page
 * runs in a browser, not on the bare request, so a mail scanner that fetches links does not unsubscribe anyone.
 */
@Route("afmelden/:token")
@AnonymousAllowed
class UnsubscribeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AccountService accounts;

    UnsubscribeView(AccountService accounts) {
        this.accounts = accounts;
        addClassNames("page", "narrow-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("unsubscribe.title")));
        String token = event.getRouteParameters().get("token").orElse("");
        Optional<Unsubscribed> done = accounts.unsubscribe(token);
        if (done.isEmpty()) {
            Paragraph failed = new Paragraph(getTranslation("unsubscribe.unknown"));
            failed.setId("unsubscribe-failed");
            add(failed, new Anchor("/account", getTranslation("unsubscribe.settings")));
            return;
        }
        Paragraph ok =
                new Paragraph(getTranslation("unsubscribe.done", done.get().displayName()));
        ok.setId("unsubscribe-done");
        add(ok, new Paragraph(getTranslation("unsubscribe.in-app")));
        FormMessage message = new FormMessage();
        if (done.get().previous() != EmailPreference.OFF) {
            Button undo = new Button(getTranslation("unsubscribe.undo"));
            undo.setId("unsubscribe-undo");
            undo.addClickListener(click -> {
                if (message.attempt(() -> accounts.resubscribe(token, done.get().previous()))) {
                    undo.setEnabled(false);
                    message.success(getTranslation("unsubscribe.undone"));
                }
            });
            add(undo);
        }
        add(message, new Anchor("/account", getTranslation("unsubscribe.settings")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("unsubscribe.title");
    }
}

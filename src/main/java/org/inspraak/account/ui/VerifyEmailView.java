package org.inspraak.account.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.inspraak.InspraakException;
import org.inspraak.account.AccountService;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.Notices;

/** The target of the verification link in the registration mail. */
@Route("bevestigen")
@AnonymousAllowed
public class VerifyEmailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AccountService accounts;

    public VerifyEmailView(AccountService accounts) {
        this.accounts = accounts;
        addClassNames("page", "narrow-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("verify.title")));
        String token = event.getLocation()
                .getQueryParameters()
                .getParameters()
                .getOrDefault("token", List.of(""))
                .getFirst();
        try {
            accounts.verifyEmail(token);
            Paragraph ok = new Paragraph(getTranslation("verify.success"));
            ok.setId("verify-success");
            add(ok, new Anchor("/login", getTranslation("nav.login")));
        } catch (InspraakException e) {
            Paragraph failed = new Paragraph(Notices.message(this, e));
            failed.setId("verify-failed");
            EmailField email = new EmailField(getTranslation("register.email"));
            FormMessage message = new FormMessage();
            Button resend = new Button(getTranslation("verify.resend"), click -> {
                if (message.attempt(() -> accounts.resendVerification(email.getValue()))) {
                    message.success(getTranslation("verify.resent"));
                }
            });
            add(failed, new Paragraph(getTranslation("verify.resend.intro")), email, resend, message);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("verify.title");
    }
}

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
import org.inspraak.security.InspraakUser;
import org.inspraak.security.SignIn;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.Notices;

/** The target of the verification link in the registration mail. */
@Route("bevestigen")
@AnonymousAllowed
public class VerifyEmailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AccountService accounts;
    private final transient SignIn signIn;

    public VerifyEmailView(AccountService accounts, SignIn signIn) {
        this.accounts = accounts;
        this.signIn = signIn;
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
        String back = AccountService.safeReturnPath(event.getLocation()
                .getQueryParameters()
                .getParameters()
                .getOrDefault("terug", List.of(""))
                .getFirst());
        try {
            InspraakUser user = accounts.verifyEmail(token);
            signIn.signIn(user);
            Paragraph ok = new Paragraph(getTranslation("verify.success"));
            ok.setId("verify-success");
            Anchor next = new Anchor(back == null ? "/" : back, getTranslation("verify.continue"));
            next.setId("verify-continue");
            next.getElement().setAttribute("router-ignore", true);
            add(ok, next);
            // A full load, so the header and every view see the person signed in; back where they were.
            event.getUI().getPage().setLocation(back == null ? "/" : back);
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

package org.inspraak.account.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.inspraak.security.CurrentUser;

/** Log in with e-mail address and password; the form posts username/password to Spring Security. */
@Route("login")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();
    private final transient CurrentUser currentUser;

    public LoginView(CurrentUser currentUser) {
        this.currentUser = currentUser;
        addClassNames("page", "narrow-page");
        setAlignItems(Alignment.STRETCH);
        i18n.getForm().setTitle(getTranslation("login.form-title"));
        i18n.getForm().setUsername(getTranslation("login.email"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgot"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.text"));
        i18n.getErrorMessage().setUsername(getTranslation("login.error.email-required"));
        i18n.getErrorMessage().setPassword(getTranslation("login.error.password-required"));
        form.setI18n(i18n);
        form.setAction("login");
        form.addForgotPasswordListener(e -> getUI().ifPresent(ui -> ui.navigate(ForgotPasswordView.class)));
        add(
                new H1(getTranslation("login.title")),
                form,
                new Anchor("/registreren", getTranslation("login.no-account")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.get().isPresent()) {
            event.forwardTo("");
            return;
        }
        var params = event.getLocation().getQueryParameters().getParameters();
        if (params.containsKey("blocked")) {
            i18n.getErrorMessage().setTitle(getTranslation("login.blocked.title"));
            i18n.getErrorMessage().setMessage(getTranslation("error.rate-limited"));
            form.setI18n(i18n);
            form.setError(true);
        } else {
            form.setError(params.containsKey("error"));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}

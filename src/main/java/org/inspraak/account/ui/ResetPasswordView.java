package org.inspraak.account.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.inspraak.account.AccountService;
import org.inspraak.ui.FormMessage;

/** The target of the password reset link: choose a new password. */
@Route("wachtwoord-herstellen")
@AnonymousAllowed
public class ResetPasswordView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AccountService accounts;
    private String token = "";

    public ResetPasswordView(AccountService accounts) {
        this.accounts = accounts;
        addClassNames("page", "narrow-page");
        PasswordField password = new PasswordField(getTranslation("reset.new-password"));
        password.setHelperText(getTranslation("register.password.help", AccountService.MIN_PASSWORD));
        password.setMaxLength(AccountService.MAX_PASSWORD);
        password.setId("reset-password");
        PasswordField repeat = new PasswordField(getTranslation("reset.repeat"));
        repeat.setId("reset-repeat");
        FormMessage message = new FormMessage();
        Button save = new Button(getTranslation("reset.submit"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("reset-submit");
        save.addClickListener(e -> {
            if (!password.getValue().equals(repeat.getValue())) {
                message.error(getTranslation("error.password.mismatch"));
                return;
            }
            if (message.attempt(() -> accounts.resetPassword(token, password.getValue()))) {
                removeAll();
                add(
                        new H1(getTranslation("reset.title")),
                        new FormMessage() {
                            {
                                success(getTranslation("reset.done"));
                            }
                        },
                        new Anchor("/login", getTranslation("nav.login")));
            }
        });
        add(new H1(getTranslation("reset.title")), password, repeat, save, message);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation()
                .getQueryParameters()
                .getParameters()
                .getOrDefault("token", List.of(""))
                .getFirst();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reset.title");
    }
}

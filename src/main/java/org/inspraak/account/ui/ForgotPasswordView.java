package org.inspraak.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.inspraak.account.AccountService;
import org.inspraak.ui.FormMessage;

/** Asks for a password reset link. The answer is the same whether or not the address is known. */
@Route("wachtwoord-vergeten")
@AnonymousAllowed
public class ForgotPasswordView extends VerticalLayout implements HasDynamicTitle {

    public ForgotPasswordView(AccountService accounts) {
        addClassNames("page", "narrow-page");
        EmailField email = new EmailField(getTranslation("register.email"));
        email.setId("forgot-email");
        email.setMaxLength(AccountService.MAX_EMAIL);
        FormMessage message = new FormMessage();
        Button send = new Button(getTranslation("forgot.submit"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("forgot-submit");
        send.addClickListener(e -> {
            if (message.attempt(() -> accounts.requestPasswordReset(email.getValue()))) {
                message.success(getTranslation("forgot.sent"));
            }
        });
        add(
                new H1(getTranslation("forgot.title")),
                new Paragraph(getTranslation("forgot.intro")),
                email,
                send,
                message);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forgot.title");
    }
}

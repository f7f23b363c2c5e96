package org.inspraak.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.inspraak.account.AccountService;
import org.inspraak.neighbourhood.NeighbourhoodService;
import org.inspraak.neighbourhood.NeighbourhoodService.NeighbourhoodRef;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.ReturnPath;

/** Registration: e-mail, public name, password, and optional statistics with an explanation of why. */
@Route("registreren")
@AnonymousAllowed
public class RegisterView extends VerticalLayout implements HasDynamicTitle {

    public RegisterView(AccountService accounts, NeighbourhoodService neighbourhoods) {
        addClassNames("page", "narrow-page");
        EmailField email = new EmailField(getTranslation("register.email"));
        email.setHelperText(getTranslation("register.email.help"));
        email.setRequiredIndicatorVisible(true);
        email.setMaxLength(AccountService.MAX_EMAIL);
        email.setId("register-email");
        TextField name = new TextField(getTranslation("register.display-name"));
        name.setHelperText(getTranslation("register.display-name.help"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(AccountService.MAX_DISPLAY_NAME);
        name.setId("register-name");
        PasswordField password = new PasswordField(getTranslation("register.password"));
        password.setHelperText(getTranslation("register.password.help", AccountService.MIN_PASSWORD));
        password.setRequiredIndicatorVisible(true);
        password.setMaxLength(AccountService.MAX_PASSWORD);
        password.setId("register-password");

        IntegerField birthYear = new IntegerField(getTranslation("register.birth-year"));
        birthYear.setId("register-birth-year");
        ComboBox<NeighbourhoodRef> neighbourhood = new ComboBox<>(getTranslation("register.neighbourhood"));
        neighbourhood.setItems(neighbourhoods.all());
        neighbourhood.setItemLabelGenerator(NeighbourhoodRef::name);
        neighbourhood.setClearButtonVisible(true);
        VerticalLayout statistics =
                new VerticalLayout(new Paragraph(getTranslation("register.statistics.why")), birthYear, neighbourhood);
        statistics.setPadding(false);
        Details optional = new Details(getTranslation("register.statistics"), statistics);

        FormMessage message = new FormMessage();
        Button submit = new Button(getTranslation("register.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("register-submit");
        FormLayout form = new FormLayout(email, name, password, optional);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        submit.addClickListener(e -> {
            boolean ok = message.attempt(() -> accounts.register(
                    new AccountService.Registration(
                            email.getValue(),
                            name.getValue(),
                            password.getValue(),
                            birthYear.getValue(),
                            neighbourhood.getValue() == null
                                    ? null
                                    : neighbourhood.getValue().id(),
                            getLocale()),
                    ReturnPath.current()));
            if (ok) {
                removeAll();
                Paragraph done = new Paragraph(
                        getTranslation("register.check-mail", email.getValue().trim()));
                done.setId("register-done");
                // The mail may land in spam or take a while: the address can get a fresh link from here.
                FormMessage resent = new FormMessage();
                Button resend = new Button(getTranslation("register.resend"), click -> {
                    if (resent.attempt(() -> accounts.resendVerification(email.getValue(), ReturnPath.current()))) {
                        resent.success(getTranslation(
                                "register.resent", email.getValue().trim()));
                    }
                });
                resend.setId("register-resend");
                resend.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                add(
                        new H1(getTranslation("register.done.title")),
                        done,
                        new Paragraph(getTranslation("register.no-mail")),
                        resend,
                        resent);
            } else if (birthYear.isInvalid()) {
                message.error(getTranslation("error.birth-year.number"));
            }
        });
        add(
                new H1(getTranslation("register.title")),
                new Paragraph(getTranslation("register.intro")),
                form,
                message,
                submit,
                new Anchor("/privacy", getTranslation("register.privacy-link")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("register.title");
    }
}

package org.inspraak.account.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.inspraak.account.AccountService;
import org.inspraak.account.EmailPreference;
import org.inspraak.account.PersonalDataService;
import org.inspraak.neighbourhood.NeighbourhoodService;
import org.inspraak.neighbourhood.NeighbourhoodService.NeighbourhoodRef;
import org.inspraak.ui.FormMessage;

/** The signed-in user's own account: public name, optional statistics, mail preference, password. */
@Route("account")
@PermitAll
public class AccountView extends VerticalLayout implements HasDynamicTitle {

    public AccountView(
            AccountService accounts,
            NeighbourhoodService neighbourhoods,
            PersonalDataService personalData,
            AuthenticationContext authentication) {
        addClassNames("page", "narrow-page");
        AccountService.Profile profile = accounts.myProfile();

        TextField name = new TextField(getTranslation("register.display-name"));
        name.setValue(profile.displayName());
        name.setMaxLength(AccountService.MAX_DISPLAY_NAME);
        name.setId("account-name");
        TextField email = new TextField(getTranslation("register.email"));
        email.setValue(accounts.myEmail());
        email.setReadOnly(true);
        email.setHelperText(getTranslation("account.email.private"));
        IntegerField birthYear = new IntegerField(getTranslation("register.birth-year"));
        birthYear.setValue(profile.birthYear());
        ComboBox<NeighbourhoodRef> neighbourhood = new ComboBox<>(getTranslation("register.neighbourhood"));
        var all = neighbourhoods.all();
        neighbourhood.setItems(all);
        neighbourhood.setItemLabelGenerator(NeighbourhoodRef::name);
        neighbourhood.setClearButtonVisible(true);
        all.stream()
                .filter(n -> profile.neighbourhoodId() != null && n.id() == profile.neighbourhoodId())
                .findFirst()
                .ifPresent(neighbourhood::setValue);
        RadioButtonGroup<EmailPreference> mail = new RadioButtonGroup<>(getTranslation("account.mail-preference"));
        mail.setItems(Arrays.asList(EmailPreference.values()));
        mail.setItemLabelGenerator(p -> getTranslation("account.mail-preference." + p.name()));
        mail.setValue(profile.emailPreference());
        FormMessage profileMessage = new FormMessage();
        Button saveProfile = new Button(getTranslation("action.save"), e -> {
            if (birthYear.isInvalid()) {
                profileMessage.error(getTranslation("error.birth-year.number"));
                return;
            }
            if (profileMessage.attempt(() -> accounts.updateProfile(new AccountService.Profile(
                    name.getValue(),
                    birthYear.getValue(),
                    neighbourhood.getValue() == null
                            ? null
                            : neighbourhood.getValue().id(),
                    mail.getValue(),
                    profile.locale())))) {
                profileMessage.success(getTranslation("account.saved"));
            }
        });
        saveProfile.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveProfile.setId("account-save");
        FormLayout profileForm = new FormLayout(name, email, birthYear, neighbourhood, mail);
        profileForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));

        PasswordField current = new PasswordField(getTranslation("account.current-password"));
        PasswordField next = new PasswordField(getTranslation("reset.new-password"));
        next.setHelperText(getTranslation("register.password.help", AccountService.MIN_PASSWORD));
        next.setMaxLength(AccountService.MAX_PASSWORD);
        FormMessage passwordMessage = new FormMessage();
        Button changePassword = new Button(getTranslation("account.change-password"), e -> {
            if (passwordMessage.attempt(() -> accounts.changePassword(current.getValue(), next.getValue()))) {
                current.clear();
                next.clear();
                passwordMessage.success(getTranslation("account.password-changed"));
            }
        });

        add(
                new H1(getTranslation("account.title")),
                profileForm,
                new Paragraph(getTranslation("register.statistics.why")),
                saveProfile,
                profileMessage,
                new H2(getTranslation("account.password")),
                current,
                next,
                changePassword,
                passwordMessage);

        Anchor download = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] json = personalData.exportMine().getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(json),
                            "inspraak-mijn-gegevens.json",
                            "application/json",
                            json.length);
                }),
                getTranslation("account.export"));
        download.setId("account-export");
        FormMessage deleteMessage = new FormMessage();
        Button delete = new Button(getTranslation("account.delete"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(
                    getTranslation("account.delete.confirm.title"),
                    getTranslation("account.delete.confirm.text"),
                    getTranslation("account.delete.confirm.yes"),
                    ok -> {
                        if (deleteMessage.attempt(personalData::deleteMyAccount)) {
                            authentication.logout();
                        }
                    });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setId("account-delete");
        add(
                new H2(getTranslation("account.your-data")),
                new Paragraph(getTranslation("account.your-data.text")),
                download,
                new Paragraph(getTranslation("account.delete.text")),
                delete,
                deleteMessage);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title");
    }
}

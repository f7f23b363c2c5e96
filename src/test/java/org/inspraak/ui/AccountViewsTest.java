package org.inspraak.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.inspraak.KaribuTest;
import org.inspraak.TestData;
import org.inspraak.account.ui.UsersView;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class AccountViewsTest extends KaribuTest {

    @Test
    void registrationShowsWhatToDoNext() {
        navigate("registreren");
        String email = "karibu" + TestData.next() + "@example.org";
        _setValue(_get(EmailField.class, s -> s.withId("register-email")), email);
        _setValue(_get(TextField.class, s -> s.withId("register-name")), "Karin");
        _setValue(_get(PasswordField.class, s -> s.withId("register-password")), "drie losse woorden");
        _click(_get(Button.class, s -> s.withId("register-submit")));
        assertThat(_get(Paragraph.class, s -> s.withId("register-done")).getText())
                .contains(email);
    }

    /** Red-team finding 6: the form answers a taken address exactly as a new one, so it reveals no accounts. */
    @Test
    void aTakenAddressGetsTheSameAnswerAsANewOne() {
        TestData.User existing = data.user();
        navigate("registreren");
        _setValue(_get(EmailField.class, s -> s.withId("register-email")), existing.email());
        _setValue(_get(TextField.class, s -> s.withId("register-name")), "Dubbel");
        _setValue(_get(PasswordField.class, s -> s.withId("register-password")), "drie losse woorden");
        _click(_get(Button.class, s -> s.withId("register-submit")));
        assertThat(_get(Paragraph.class, s -> s.withId("register-done")).getText())
                .contains(existing.email());
    }

    @Test
    void aForgedVerificationLinkExplainsAndOffersANewOne() {
        navigate("bevestigen?token=vervalst");
        assertThat(_get(Paragraph.class, s -> s.withId("verify-failed")).getText())
                .startsWith("Deze link is ongeldig");
    }

    @Test
    void accountPageSavesTheProfile() {
        login(data.user());
        navigate("account");
        _setValue(_get(TextField.class, s -> s.withId("account-name")), "Nieuwe Naam");
        _click(_get(Button.class, s -> s.withId("account-save")));
        assertThat(_find(FormMessage.class).getFirst().getText()).isEqualTo("Uw gegevens zijn opgeslagen.");
    }

    @Test
    void adminsSeeAccountsWithRoles() {
        TestData.User admin = login(data.user(Role.ADMIN));
        navigate("beheer/gebruikers");
        assertThat(_find(UsersView.class)).hasSize(1);
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isGreaterThan(0);
        _setValue(_get(TextField.class), admin.email());
        assertThat(GridKt._size(grid)).isEqualTo(1);
    }
}

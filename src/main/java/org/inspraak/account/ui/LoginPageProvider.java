package org.inspraak.account.ui;

import com.vaadin.flow.component.Component;
import org.inspraak.security.LoginPage;

/** Tells web security that {@link LoginView} is where people sign in. */
@org.springframework.stereotype.Component
class LoginPageProvider implements LoginPage {

    @Override
    public Class<? extends Component> view() {
        return LoginView.class;
    }
}
